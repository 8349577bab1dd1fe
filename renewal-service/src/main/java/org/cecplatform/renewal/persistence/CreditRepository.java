package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** A person's credits; one parameter, the certificant id. */
    static final String CREDITS_OF = "select credit_id, completed_on, category, cecs, voided from ledger_credit"
            + " where certificant_id = ? and earned";

    static Credit credit(ResultSet rs) throws SQLException {
        return new Credit(Sql.uuid(rs, "credit_id"), Sql.date(rs, "completed_on"), rs.getString("category"),
                rs.getBigDecimal("cecs"), rs.getBoolean("voided"));
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
