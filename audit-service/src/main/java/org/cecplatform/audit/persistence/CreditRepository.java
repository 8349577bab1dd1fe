package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.cecplatform.audit.domain.audit.LedgerCredit;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The {@code ledger-credits} projection's table: each person's ledger credits, from {@code cec.ledger.v1}, every
 * credit, verified or not, with the figures an audit item that names it must carry. By hand: a batch of credits is
 * one statement, and the reads are by key, inside the consumer's and the commands' transactions.
 */
@ApplicationScoped
public class CreditRepository {

    /** A credit as the ledger announced it (recorded there at {@code recordedAt}), about to be recorded here. */
    public record NewCredit(UUID creditId, String certificantId, LocalDate completedOn, BigDecimal cecs,
                            String category, String title, String provider, boolean verified, Instant recordedAt) {
    }

    /**
     * The ledger's time of an event; one without it (the contract requires it) is taken as of when it arrives here,
     * the nearest known time.
     */
    private static final String WHEN_THE_LEDGER_SAID = "coalesce(%s, clock_timestamp())";

    private static final String LEDGER_COLUMNS = "credit_id, completed_on, category, cecs, title, provider, verified";

    private final Jdbc jdbc;

    public CreditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records credits in one statement into {@code tables}' copy of {@code ledger_credit}; a credit seen before keeps
     * its row (and its voided mark), so it never changes owner or amount (the consumer dead-letters an event that
     * tries, before it gets here). Only the ledger credits projection writes.
     */
    public void recordAll(List<NewCredit> credits, ProjectionTables tables) {
        jdbc.update("insert into " + tables.of("ledger_credit") + " (credit_id, certificant_id, completed_on, cecs,"
                        + " category, title, provider, verified, recorded_at) select c, p, d, n, k, t, s, v, "
                        + WHEN_THE_LEDGER_SAID.formatted("r") + " from unnest(?::uuid[], ?::text[],"
                        + " ?::text[]::date[], ?::text[]::numeric[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[]::boolean[], ?::text[]::timestamptz[]) as x(c, p, d, n, k, t, s, v, r)"
                        + " on conflict (credit_id) do nothing",
                column(credits, NewCredit::creditId, UUID[]::new),
                column(credits, NewCredit::certificantId, String[]::new),
                column(credits, c -> c.completedOn().toString(), String[]::new),
                column(credits, c -> c.cecs().toPlainString(), String[]::new),
                column(credits, NewCredit::category, String[]::new),
                column(credits, NewCredit::title, String[]::new),
                column(credits, NewCredit::provider, String[]::new),
                column(credits, c -> Boolean.toString(c.verified()), String[]::new),
                column(credits, c -> c.recordedAt() == null ? null : c.recordedAt().toString(), String[]::new));
    }

    private static <T> T[] column(List<NewCredit> credits, Function<NewCredit, T> value,
                                  IntFunction<T[]> array) {
        return credits.stream().map(value).toArray(array);
    }

    /**
     * Marks the owner's credit voided (the ledger voided it at {@code voidedAt}; a second void keeps the first time);
     * true when this service knew the credit as theirs.
     */
    public boolean voidCredit(UUID creditId, String certificantId, Instant voidedAt, ProjectionTables tables) {
        return jdbc.update("update " + tables.of("ledger_credit") + " set voided = true, voided_at = case when voided"
                + " then voided_at else " + WHEN_THE_LEDGER_SAID.formatted("?::timestamptz") + " end"
                + " where credit_id = ? and certificant_id = ?", voidedAt, creditId, certificantId) == 1;
    }

    /** The owner and CECs of those of these credits this service has recorded, in one query. */
    public Map<UUID, CreditInvariants.Recorded> recorded(Collection<UUID> creditIds) {
        return jdbc.list("select credit_id, certificant_id, cecs from ledger_credit where credit_id = any(?)",
                        rs -> Map.entry(Jdbc.uuid(rs, "credit_id"),
                                new CreditInvariants.Recorded(rs.getString("certificant_id"),
                                        rs.getBigDecimal("cecs"))),
                        (Object) creditIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every credit of the person's ledger, voided ones included, oldest completion first. */
    public List<LedgerCredit> ledgerOf(String certificantId) {
        return jdbc.list("select " + LEDGER_COLUMNS + ", voided from ledger_credit where certificant_id = ?"
                + " order by completed_on, credit_id", CreditRepository::ledgerCredit, certificantId);
    }

    /**
     * {@link #ledgerOf} as it stood before {@code until}: the credits the ledger had recorded by then, voided only when
     * voided by then (the ledger's times; a row without one counts as known all along).
     */
    public List<LedgerCredit> ledgerOf(String certificantId, Instant until) {
        return jdbc.list("select " + LEDGER_COLUMNS + ", voided and (voided_at is null or voided_at < ?) as voided"
                        + " from ledger_credit where certificant_id = ? and (recorded_at is null or recorded_at < ?)"
                        + " order by completed_on, credit_id", CreditRepository::ledgerCredit, until, certificantId,
                until);
    }

    private static LedgerCredit ledgerCredit(ResultSet rs) throws SQLException {
        return new LedgerCredit(Jdbc.uuid(rs, "credit_id"), Jdbc.date(rs, "completed_on"), rs.getString("category"),
                rs.getBigDecimal("cecs"), rs.getString("title"), rs.getString("provider"), rs.getBoolean("verified"),
                rs.getBoolean("voided"));
    }
}
