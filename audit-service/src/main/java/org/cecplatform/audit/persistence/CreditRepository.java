package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.VerifiedCredit;
import org.cecplatform.contract.ledger.CecEarnedV1;

/** The projection of each person's verified ledger credits, from {@code cec.ledger.v1}. */
@ApplicationScoped
public class CreditRepository {

    private final Db db;

    public CreditRepository(Db db) {
        this.db = db;
    }

    /** Records a verified credit; a credit seen before keeps its voided mark. */
    public void recordVerified(UUID creditId, String certificantId, java.time.LocalDate completedOn,
                               java.math.BigDecimal cecs) {
        db.update("insert into verified_credit (credit_id, certificant_id, completed_on, cecs) values (?, ?, ?, ?)"
                + " on conflict (credit_id) do nothing", s -> {
                    s.setObject(1, creditId);
                    s.setString(2, certificantId);
                    s.setDate(3, Date.valueOf(completedOn));
                    s.setBigDecimal(4, cecs);
                });
    }

    /** {@link #recordVerified} for many credits in one statement. */
    public void recordVerifiedAll(List<CecEarnedV1> earned) {
        int n = earned.size();
        UUID[] ids = new UUID[n];
        String[] people = new String[n];
        Date[] completedOn = new Date[n];
        BigDecimal[] cecs = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            CecEarnedV1 credit = earned.get(i);
            ids[i] = credit.creditId();
            people[i] = credit.certificantId();
            completedOn[i] = Date.valueOf(credit.completedOn());
            cecs[i] = credit.cecs();
        }
        db.update("insert into verified_credit (credit_id, certificant_id, completed_on, cecs)"
                + " select * from unnest(?::uuid[], ?::text[], ?::date[], ?::numeric[])"
                + " on conflict (credit_id) do nothing", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("uuid", ids));
                    s.setArray(2, s.getConnection().createArrayOf("text", people));
                    s.setArray(3, s.getConnection().createArrayOf("date", completedOn));
                    s.setArray(4, s.getConnection().createArrayOf("numeric", cecs));
                });
    }

    /** Marks a credit voided; true when it was a verified credit this service knew. */
    public boolean voidCredit(UUID creditId) {
        return db.update("update verified_credit set voided = true where credit_id = ?",
                s -> s.setObject(1, creditId)) == 1;
    }

    /** The person's verified credits that still count (not voided). */
    public List<VerifiedCredit> verifiedOf(String certificantId) {
        return db.list("select credit_id, completed_on, cecs from verified_credit"
                        + " where certificant_id = ? and not voided order by completed_on",
                s -> s.setString(1, certificantId),
                rs -> new VerifiedCredit(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
                        rs.getBigDecimal(3)));
    }
}
