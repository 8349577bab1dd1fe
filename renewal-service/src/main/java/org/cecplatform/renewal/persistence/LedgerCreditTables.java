package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.persistence.Sql;

/**
 * The SQL of the {@code ledger-credits} projection (table ledger_credit, or its shadow): only the projection writes
 * through it. Both writes are upserts keyed by credit id whose result does not depend on the order they arrive in (a
 * void that comes first leaves a voided marker the credit then fills in), so a replay in any order, or a record applied
 * twice, ends in the same rows. {@code updated_at} and {@code projected_at} are the clocks of the write itself.
 */
@ApplicationScoped
public class LedgerCreditTables {

    public static final String LEDGER_CREDIT = "ledger_credit";

    private final Sql sql;

    public LedgerCreditTables(Sql sql) {
        this.sql = sql;
    }

    /**
     * A credit fills in its row, or a void marker. It never changes a credit already earned with another owner or
     * amount (the live consumer dead-letters such an event before it gets here; this holds even if two instances race,
     * and in a replay), and a void marker left by someone other than the credit's owner does not void it.
     */
    public void earned(List<CecEarnedV1> events, ProjectionTables t) {
        String table = t.of(LEDGER_CREDIT);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (CecEarnedV1 e : events) {
            rows.add(new Object[] {e.creditId(), e.certificantId(), e.completedOn(), e.category(), e.cecs(),
                e.source(), e.verified()});
        }
        sql.batch("insert into " + table + " (credit_id, certificant_id, completed_on,"
                + " category, cecs, source, verified, earned) values (?, ?, ?, ?, ?, ?, ?, true)"
                + " on conflict (credit_id) do update set certificant_id = excluded.certificant_id,"
                + " completed_on = excluded.completed_on, category = excluded.category, cecs = excluded.cecs,"
                + " source = excluded.source, verified = excluded.verified, earned = true,"
                + " voided = " + table + ".voided and " + table + ".certificant_id = excluded.certificant_id,"
                + " updated_at = now()"
                + " where not " + table + ".earned or (" + table + ".certificant_id = excluded.certificant_id"
                + " and " + table + ".cecs = excluded.cecs)", rows);
    }

    /** Voids the owner's credit, or leaves a voided marker when the credit has not arrived yet. */
    public void voided(CecVoidedV1 v, ProjectionTables t) {
        String table = t.of(LEDGER_CREDIT);
        sql.update("insert into " + table + " (credit_id, certificant_id, completed_on, category, cecs, voided)"
                        + " values (?, ?, ?, ?, ?, true)"
                        + " on conflict (credit_id) do update set voided = true, updated_at = now()"
                        + " where " + table + ".certificant_id = excluded.certificant_id",
                v.creditId(), v.certificantId(), v.completedOn(), v.category(), v.cecs());
    }
}
