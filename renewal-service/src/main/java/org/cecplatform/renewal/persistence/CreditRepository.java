package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.renewal.domain.Credit;

/**
 * The projection of the ledger's credits. Both writes are upserts keyed by credit id, and their result does not depend
 * on the order they arrive in (a void that comes first leaves a voided marker the credit then fills in), so a replay
 * in any order ends in the same rows. A credit once earned keeps its owner and CECs ({@link #recorded} feeds the
 * consumer's check).
 */
@ApplicationScoped
public class CreditRepository {

    private final Sql sql;

    public CreditRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * A credit fills in its row, or a void marker. It never changes a credit already earned with another owner or
     * amount (the consumer dead-letters such an event before it gets here; this holds even if two instances race),
     * and a void marker left by someone other than the credit's owner does not void it.
     */
    private static final String EARNED = "insert into ledger_credit (credit_id, certificant_id, completed_on,"
            + " category, cecs, source, verified, earned) values (?, ?, ?, ?, ?, ?, ?, true)"
            + " on conflict (credit_id) do update set certificant_id = excluded.certificant_id,"
            + " completed_on = excluded.completed_on, category = excluded.category, cecs = excluded.cecs,"
            + " source = excluded.source, verified = excluded.verified, earned = true,"
            + " voided = ledger_credit.voided and ledger_credit.certificant_id = excluded.certificant_id,"
            + " updated_at = now()"
            + " where not ledger_credit.earned or (ledger_credit.certificant_id = excluded.certificant_id"
            + " and ledger_credit.cecs = excluded.cecs)";

    /** Writes credits in one JDBC batch. */
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

    /** Voids the owner's credit, or leaves a voided marker when the credit has not arrived yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voided(CecVoidedV1 v) {
        sql.update("insert into ledger_credit (credit_id, certificant_id, completed_on, category, cecs, voided)"
                        + " values (?, ?, ?, ?, ?, true)"
                        + " on conflict (credit_id) do update set voided = true, updated_at = now()"
                        + " where ledger_credit.certificant_id = excluded.certificant_id",
                v.creditId(), v.certificantId(), v.completedOn(), v.category(), v.cecs());
    }

    /** The owner and CECs of those of these credits that have been earned (void markers left out), in one query. */
    public Map<UUID, CreditInvariants.Recorded> recorded(Collection<UUID> creditIds) {
        String[] ids = creditIds.stream().map(UUID::toString).toArray(String[]::new);
        return sql.list("select credit_id, certificant_id, cecs from ledger_credit"
                                + " where credit_id = any(?::uuid[]) and earned",
                        rs -> Map.entry(Sql.uuid(rs, "credit_id"), new CreditInvariants.Recorded(
                                rs.getString("certificant_id"), rs.getBigDecimal("cecs"))), (Object) ids)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
