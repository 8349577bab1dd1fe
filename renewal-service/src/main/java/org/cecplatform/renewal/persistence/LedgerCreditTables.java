package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The SQL of the {@code ledger-credits} projection (table ledger_credit, or its shadow): only the projection's writer
 * writes through it. Both writes are upserts keyed by credit id whose result does not depend on the order they arrive
 * in (a void that comes first leaves a voided marker the credit then fills in), so a replay in any order, or a record
 * applied twice, ends in the same rows. {@code earned_at} and {@code voided_at} are the ledger's times from the events
 * (what a read as of a past day goes by); {@code updated_at} and {@code projected_at} are the clocks of the write
 * itself. Plain JDBC: the ledger's credits arrive by the thousand, in batches.
 */
@ApplicationScoped
public class LedgerCreditTables {

    public static final String LEDGER_CREDIT = "ledger_credit";

    /** A credit the ledger recorded at {@code earnedAt}, as this projection keeps it. */
    public record EarnedCredit(UUID creditId, String certificantId, LocalDate completedOn, String category,
                               BigDecimal cecs, String source, boolean verified, Instant earnedAt) {
    }

    /**
     * A credit the ledger voided at {@code voidedAt}, with the figures it had (a marker when it arrives before its
     * credit).
     */
    public record VoidedCredit(UUID creditId, String certificantId, LocalDate completedOn, String category,
                               BigDecimal cecs, Instant voidedAt) {
    }

    /**
     * The event's time; an event without one (the contract does not require it) is taken as of when it arrives here,
     * the nearest known time.
     */
    private static final String WHEN_THE_LEDGER_SAID = "coalesce(?::timestamptz, clock_timestamp())";

    private final Jdbc jdbc;

    public LedgerCreditTables(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A credit fills in its row, or a void marker. It never changes a credit already earned with another owner or
     * amount (the live consumer dead-letters such an event before it gets here; this holds even if two instances race,
     * and in a replay), and a void marker left by someone other than the credit's owner does not void it.
     */
    public void earned(List<EarnedCredit> credits, ProjectionTables t) {
        String table = t.of(LEDGER_CREDIT);
        String stillVoided = table + ".voided and " + table + ".certificant_id = excluded.certificant_id";
        jdbc.batch("insert into " + table + " (credit_id, certificant_id, completed_on,"
                + " category, cecs, source, verified, earned, earned_at) values (?, ?, ?, ?, ?, ?, ?, true, "
                + WHEN_THE_LEDGER_SAID + ")"
                + " on conflict (credit_id) do update set certificant_id = excluded.certificant_id,"
                + " completed_on = excluded.completed_on, category = excluded.category, cecs = excluded.cecs,"
                + " source = excluded.source, verified = excluded.verified, earned = true,"
                + " earned_at = excluded.earned_at, voided = " + stillVoided + ","
                + " voided_at = case when " + stillVoided + " then " + table + ".voided_at end,"
                + " updated_at = now()"
                + " where not " + table + ".earned or (" + table + ".certificant_id = excluded.certificant_id"
                + " and " + table + ".cecs = excluded.cecs)", credits, c -> new Object[] {c.creditId(),
                c.certificantId(), c.completedOn(), c.category(), c.cecs(), c.source(), c.verified(), c.earnedAt()});
    }

    /** Voids the owner's credit, or leaves a voided marker when the credit has not arrived yet. */
    public void voided(VoidedCredit v, ProjectionTables t) {
        String table = t.of(LEDGER_CREDIT);
        jdbc.update("insert into " + table + " (credit_id, certificant_id, completed_on, category, cecs, voided,"
                        + " voided_at) values (?, ?, ?, ?, ?, true, " + WHEN_THE_LEDGER_SAID + ")"
                        + " on conflict (credit_id) do update set voided = true, voided_at = excluded.voided_at,"
                        + " updated_at = now() where " + table + ".certificant_id = excluded.certificant_id",
                v.creditId(), v.certificantId(), v.completedOn(), v.category(), v.cecs(), v.voidedAt());
    }
}
