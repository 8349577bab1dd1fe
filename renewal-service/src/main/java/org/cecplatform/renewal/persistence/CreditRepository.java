package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.renewal.domain.Credit;

/**
 * The projection of the ledger's credits. Both writes are upserts keyed by credit id, and their result does not depend
 * on the order they arrive in (a void that comes first leaves a voided marker the credit then fills in), so a replay
 * in any order ends in the same rows.
 */
@ApplicationScoped
public class CreditRepository {

    private final Sql sql;

    public CreditRepository(Sql sql) {
        this.sql = sql;
    }

    private static final String EARNED = "insert into ledger_credit (credit_id, certificant_id, completed_on,"
            + " category, cecs, source, verified, earned) values (?, ?, ?, ?, ?, ?, ?, true)"
            + " on conflict (credit_id) do update set certificant_id = excluded.certificant_id,"
            + " completed_on = excluded.completed_on, category = excluded.category, cecs = excluded.cecs,"
            + " source = excluded.source, verified = excluded.verified, earned = true, updated_at = now()";

    @Transactional(Transactional.TxType.MANDATORY)
    public void earned(CecEarnedV1 e) {
        sql.update(EARNED, earnedParameters(e));
    }

    /** {@link #earned} for many credits in one JDBC batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void earnedAll(List<CecEarnedV1> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (CecEarnedV1 e : events) {
            rows.add(earnedParameters(e));
        }
        sql.batch(EARNED, rows);
    }

    private static Object[] earnedParameters(CecEarnedV1 e) {
        return new Object[] {e.creditId(), e.certificantId(), e.completedOn(), e.category(), e.cecs(), e.source(),
            e.verified()};
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void voided(CecVoidedV1 v) {
        sql.update("insert into ledger_credit (credit_id, certificant_id, completed_on, category, cecs, voided)"
                        + " values (?, ?, ?, ?, ?, true)"
                        + " on conflict (credit_id) do update set voided = true, updated_at = now()",
                v.creditId(), v.certificantId(), v.completedOn(), v.category(), v.cecs());
    }

    /** The person's credits that the ledger has recorded (voided ones flagged; void markers without a credit left
     * out). */
    public List<Credit> creditsOf(String certificantId) {
        return sql.list(CREDITS_OF, CreditRepository::credit, certificantId);
    }

    /** A person's credits, each marked when an audit took it as a replacement; one parameter, the certificant id. */
    static final String CREDITS_OF = "select c.credit_id, c.completed_on, c.category, c.cecs, c.voided,"
            + " r.credit_id is not null as counted_elsewhere from ledger_credit c"
            + " left join audit_replacement_credit r on r.credit_id = c.credit_id"
            + " where c.certificant_id = ? and c.earned";

    static Credit credit(ResultSet rs) throws SQLException {
        return new Credit(Sql.uuid(rs, "credit_id"), Sql.date(rs, "completed_on"), rs.getString("category"),
                rs.getBigDecimal("cecs"), rs.getBoolean("voided"), rs.getBoolean("counted_elsewhere"));
    }

    /**
     * An audit counted these ledger credits toward the audited cycle as replacement CECs: no later cycle counts them.
     * Kept apart from the ledger's rows (a rebuild of the ledger projection leaves it), first audit wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countedTowardAuditedCycle(UUID auditId, UUID renewalId, Collection<UUID> creditIds) {
        List<Object[]> rows = new ArrayList<>(creditIds.size());
        for (UUID creditId : creditIds) {
            rows.add(new Object[] {creditId, auditId, renewalId});
        }
        sql.batch("insert into audit_replacement_credit (credit_id, audit_id, renewal_id) values (?, ?, ?)"
                + " on conflict (credit_id) do nothing", rows);
    }

    /**
     * Empties the projection and the consumer's memory in one transaction, after waiting for (and then holding off)
     * any live consumer transaction writing credits, so no credit row and its processed-event row are split.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int clear() {
        sql.update("lock table ledger_credit in exclusive mode");
        return sql.update("delete from ledger_credit");
    }

    public long count() {
        return sql.one("select count(*) from ledger_credit", rs -> rs.getLong(1)).orElse(0L);
    }
}
