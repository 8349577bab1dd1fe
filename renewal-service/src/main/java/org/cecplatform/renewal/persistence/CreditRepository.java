package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.renewal.domain.Credit;

/**
 * Reads of the ledger's credits (the {@code ledger-credits} projection, written through {@code LedgerCreditTables}):
 * a credit once earned keeps its owner and CECs ({@link #recorded} feeds the consumer's check). And the audit
 * replacement credits, which are this service's own record, apart from the projection.
 */
@ApplicationScoped
public class CreditRepository {

    private final Jdbc jdbc;

    public CreditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner and CECs of those of these credits that have been earned (void markers left out), in one query. */
    public Map<UUID, CreditInvariants.Recorded> recorded(Collection<UUID> creditIds) {
        return jdbc.list("select credit_id, certificant_id, cecs from ledger_credit"
                                + " where credit_id = any(?) and earned",
                        rs -> Map.entry(Jdbc.uuid(rs, "credit_id"), new CreditInvariants.Recorded(
                                rs.getString("certificant_id"), rs.getBigDecimal("cecs"))),
                        (Object) creditIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The person's credits that the ledger has recorded (voided ones flagged; void markers without a credit left
     * out). */
    public List<Credit> creditsOf(String certificantId) {
        return jdbc.list(CREDITS_OF, CreditRepository::credit, certificantId);
    }

    /** A person's credits, each marked when an audit took it as a replacement; one parameter, the certificant id. */
    static final String CREDITS_OF = "select c.credit_id, c.completed_on, c.category, c.cecs, c.voided,"
            + " r.credit_id is not null as counted_elsewhere from ledger_credit c"
            + " left join audit_replacement_credit r on r.credit_id = c.credit_id"
            + " where c.certificant_id = ? and c.earned";

    /**
     * The person's credits as they stood just before {@code until}: those the ledger had recorded by then, voided only
     * when voided by then, taken as an audit's replacement only when decided by then. Times are the events' (the
     * ledger's recordedAt and voidedAt, the audit's decidedAt), not when they reached this service.
     */
    public List<Credit> creditsAsOf(String certificantId, Instant until) {
        return jdbc.list("select c.credit_id, c.completed_on, c.category, c.cecs,"
                        + " c.voided and c.voided_at < ? as voided, r.credit_id is not null as counted_elsewhere"
                        + " from ledger_credit c"
                        + " left join audit_replacement_credit r on r.credit_id = c.credit_id and r.decided_at < ?"
                        + " where c.certificant_id = ? and c.earned and c.earned_at < ?",
                CreditRepository::credit, until, until, certificantId, until);
    }

    static Credit credit(ResultSet rs) throws SQLException {
        return new Credit(Jdbc.uuid(rs, "credit_id"), Jdbc.date(rs, "completed_on"), rs.getString("category"),
                rs.getBigDecimal("cecs"), rs.getBoolean("voided"), rs.getBoolean("counted_elsewhere"));
    }

    /**
     * An audit counted these ledger credits toward the audited cycle as replacement CECs: no later cycle counts them.
     * Kept apart from the ledger's rows (a rebuild of the ledger projection leaves it), first audit wins. Decided at
     * {@code decidedAt}; when the event does not say, as of now, when the decision reaches this service.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countedTowardAuditedCycle(UUID auditId, UUID renewalId, Instant decidedAt,
                                          Collection<UUID> creditIds) {
        jdbc.batch("insert into audit_replacement_credit (credit_id, audit_id, renewal_id, decided_at)"
                + " values (?, ?, ?, coalesce(?::timestamptz, now())) on conflict (credit_id) do nothing", creditIds,
                creditId -> new Object[] {creditId, auditId, renewalId, decidedAt});
    }
}
