package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.audit.domain.audit.LedgerCredit;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The {@code ledger-credits} projection's table: each person's ledger credits, from {@code cec.ledger.v1}, every
 * credit, verified or not, with the figures an audit item that names it must carry.
 */
@ApplicationScoped
public class CreditRepository {

    private static final String COLUMNS = " (credit_id, certificant_id, completed_on, cecs, category, title, provider,"
            + " verified)";

    private final Db db;

    public CreditRepository(Db db) {
        this.db = db;
    }

    /**
     * Records credits in one statement into {@code tables}' copy of {@code ledger_credit}; a credit seen before keeps
     * its row (and its voided mark), so it never changes owner or amount (the consumer dead-letters an event that
     * tries, before it gets here). Only the ledger credits projection writes.
     */
    public void recordAll(List<CecEarnedV1> earned, ProjectionTables tables) {
        int n = earned.size();
        UUID[] ids = new UUID[n];
        String[] people = new String[n];
        Date[] completedOn = new Date[n];
        BigDecimal[] cecs = new BigDecimal[n];
        String[] categories = new String[n];
        String[] titles = new String[n];
        String[] providers = new String[n];
        Boolean[] verified = new Boolean[n];
        for (int i = 0; i < n; i++) {
            CecEarnedV1 credit = earned.get(i);
            ids[i] = credit.creditId();
            people[i] = credit.certificantId();
            completedOn[i] = Date.valueOf(credit.completedOn());
            cecs[i] = credit.cecs();
            categories[i] = credit.category() == null ? "GENERAL" : credit.category();
            titles[i] = credit.title();
            providers[i] = credit.provider();
            verified[i] = credit.verified();
        }
        db.update("insert into " + tables.of("ledger_credit") + COLUMNS + " select * from unnest(?::uuid[], ?::text[], ?::date[], ?::numeric[], ?::text[], ?::text[],"
                + " ?::text[], ?::boolean[]) on conflict (credit_id) do nothing", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("uuid", ids));
                    s.setArray(2, s.getConnection().createArrayOf("text", people));
                    s.setArray(3, s.getConnection().createArrayOf("date", completedOn));
                    s.setArray(4, s.getConnection().createArrayOf("numeric", cecs));
                    s.setArray(5, s.getConnection().createArrayOf("text", categories));
                    s.setArray(6, s.getConnection().createArrayOf("text", titles));
                    s.setArray(7, s.getConnection().createArrayOf("text", providers));
                    s.setArray(8, s.getConnection().createArrayOf("boolean", verified));
                });
    }

    /** Marks the owner's credit voided; true when this service knew the credit as theirs. */
    public boolean voidCredit(UUID creditId, String certificantId, ProjectionTables tables) {
        return db.update("update " + tables.of("ledger_credit") + " set voided = true where credit_id = ?"
                + " and certificant_id = ?", s -> {
            s.setObject(1, creditId);
            s.setString(2, certificantId);
        }) == 1;
    }

    /** The owner and CECs of those of these credits this service has recorded, in one query. */
    public Map<UUID, CreditInvariants.Recorded> recorded(Collection<UUID> creditIds) {
        UUID[] ids = creditIds.toArray(UUID[]::new);
        return db.list("select credit_id, certificant_id, cecs from ledger_credit where credit_id = any(?)",
                        s -> s.setArray(1, s.getConnection().createArrayOf("uuid", ids)),
                        rs -> Map.entry(rs.getObject(1, UUID.class),
                                new CreditInvariants.Recorded(rs.getString(2), rs.getBigDecimal(3))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every credit of the person's ledger, voided ones included, oldest completion first. */
    public List<LedgerCredit> ledgerOf(String certificantId) {
        return db.list("select credit_id, completed_on, category, cecs, title, provider, verified, voided"
                        + " from ledger_credit where certificant_id = ? order by completed_on, credit_id",
                s -> s.setString(1, certificantId),
                rs -> new LedgerCredit(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
    }
}
