package org.cecplatform.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cecplatform.ledger.domain.Category;
import org.cecplatform.ledger.domain.CecTotals;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditDetails;
import org.cecplatform.ledger.domain.ProviderKind;
import org.cecplatform.ledger.domain.Source;
import org.cecplatform.ledger.domain.Unit;

/** The credit read model (table {@code credit}), in plain JDBC on the transaction's connection. */
@ApplicationScoped
public class CreditRepository {

    private static final String COLUMNS = "credit_id, certificant_id, source, category, title, provider, provider_kind,"
            + " completed_on, amount, unit, cecs, grade, external_ref, voided, void_reason, voided_by, voided_at,"
            + " recorded_at, recorded_by, content_hash";

    /** A credit with what only the read model keeps about it. */
    public record StoredCredit(Credit credit, String contentHash) {
    }

    /** A page of a person's history (newest first) and the totals of the whole filtered range. */
    public record HistoryPage(List<Credit> credits, long totalItems, CecTotals totals) {
    }

    private final DataSource dataSource;

    public CreditRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String INSERT = "insert into credit (credit_id, certificant_id, source, verified, category,"
            + " title, provider, provider_kind, completed_on, amount, unit, cecs, grade, external_ref, content_hash,"
            + " recorded_at, recorded_by, event_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A credit to insert, with the sequence of its CECEarned and the content hash of an integration credit. */
    public record NewCredit(Credit credit, long eventSequence, String contentHash) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Credit credit, long eventSequence, String contentHash) {
        update(INSERT, s -> bindInsert(s, new NewCredit(credit, eventSequence, contentHash)));
    }

    /** {@link #insert} of many credits in one JDBC batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertAll(List<NewCredit> credits) {
        if (credits.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (NewCredit credit : credits) {
                bindInsert(s, credit);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new CreditStoreException("could not write the credit table", e);
        }
    }

    /**
     * The content hash of each of these credits that exists (credit id → hash; the value is null for a credit that
     * has none, i.e. one not posted by an integration).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> contentHashes(Collection<UUID> creditIds) {
        Map<UUID, String> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select credit_id, content_hash from credit"
                     + " where credit_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", creditIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the credit table", e);
        }
    }

    private static void bindInsert(PreparedStatement s, NewCredit row) throws SQLException {
        Credit credit = row.credit();
        long eventSequence = row.eventSequence();
        String contentHash = row.contentHash();
        CreditDetails d = credit.details();
        s.setObject(1, credit.creditId());
        s.setString(2, credit.certificantId());
        s.setString(3, credit.source().name());
        s.setBoolean(4, credit.verified());
        s.setString(5, d.category().name());
        s.setString(6, d.title());
        s.setString(7, d.provider());
        s.setString(8, d.providerKind().name());
        s.setDate(9, Date.valueOf(d.completedOn()));
        s.setBigDecimal(10, d.amount());
        s.setString(11, d.unit().name());
        s.setBigDecimal(12, d.cecs());
        s.setString(13, d.grade());
        s.setString(14, credit.externalRef());
        s.setString(15, contentHash);
        s.setTimestamp(16, Timestamp.from(credit.recordedAt()));
        s.setString(17, credit.recordedBy());
        s.setLong(18, eventSequence);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markVoided(Credit voided) {
        Credit.Voiding v = voided.voiding();
        int rows = update("update credit set voided = true, void_reason = ?, voided_by = ?, voided_at = ?"
                + " where credit_id = ? and not voided", s -> {
            s.setString(1, v.reason());
            s.setString(2, v.voidedBy());
            s.setTimestamp(3, Timestamp.from(v.voidedAt()));
            s.setObject(4, voided.creditId());
        });
        if (rows != 1) {
            throw new IllegalStateException("credit " + voided.creditId() + " was not there to void");
        }
    }

    /** A credit by id, whoever it belongs to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredCredit> find(UUID creditId) {
        List<StoredCredit> found = query("select " + COLUMNS + " from credit where credit_id = ?",
                s -> s.setObject(1, creditId));
        return found.stream().findFirst();
    }

    /**
     * {@link #lockLedgerOf} for several people in one statement; the locks are taken in the order of their keys, so
     * two batches never wait on each other in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockLedgersOf(Collection<String> certificantIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(k) from (select distinct"
                     + " hashtextextended('ledger:' || id, 0) as k from unnest(?::text[]) id order by k) keys")) {
            s.setArray(1, c.createArrayOf("text", certificantIds.toArray()));
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the ledgers of " + certificantIds.size() + " people", e);
        }
    }

    /** Serialises writers of one person's ledger (held until the transaction ends). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockLedgerOf(String certificantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, "ledger:" + certificantId);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the ledger of " + certificantId, e);
        }
    }

    /**
     * One page of a person's credits, newest completion first (then newest recorded), with {@code from}/{@code to}
     * (inclusive, either may be null) on the completion date; the totals cover the whole range, voided credits left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HistoryPage history(String certificantId, LocalDate from, LocalDate to, int page, int size) {
        String range = " where certificant_id = ? and (?::date is null or completed_on >= ?::date)"
                + " and (?::date is null or completed_on <= ?::date)";
        Binder bindRange = s -> {
            s.setString(1, certificantId);
            s.setDate(2, from == null ? null : Date.valueOf(from));
            s.setDate(3, from == null ? null : Date.valueOf(from));
            s.setDate(4, to == null ? null : Date.valueOf(to));
            s.setDate(5, to == null ? null : Date.valueOf(to));
        };
        List<StoredCredit> rows = query("select " + COLUMNS + " from credit" + range
                + " order by completed_on desc, recorded_at desc, credit_id limit ? offset ?", s -> {
            bindRange.bind(s);
            s.setInt(6, size);
            s.setLong(7, (long) page * size);
        });
        long total;
        Map<Category, BigDecimal> sums = new EnumMap<>(Category.class);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select count(*) from credit" + range)) {
                bindRange.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select category, sum(cecs) from credit" + range
                    + " and not voided group by category")) {
                bindRange.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sums.put(Category.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of " + certificantId, e);
        }
        return new HistoryPage(rows.stream().map(StoredCredit::credit).toList(), total, CecTotals.of(sums));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new CreditStoreException("could not write the credit table", e);
        }
    }

    private List<StoredCredit> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<StoredCredit> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the credit table", e);
        }
    }

    private static StoredCredit read(ResultSet rs) throws SQLException {
        CreditDetails details = new CreditDetails(rs.getString("title"), rs.getString("provider"),
                ProviderKind.valueOf(rs.getString("provider_kind")), Category.valueOf(rs.getString("category")),
                rs.getDate("completed_on").toLocalDate(), rs.getBigDecimal("amount"),
                Unit.valueOf(rs.getString("unit")), rs.getBigDecimal("cecs"), rs.getString("grade"));
        Credit.Voiding voiding = rs.getBoolean("voided")
                ? new Credit.Voiding(rs.getString("void_reason"), rs.getString("voided_by"),
                rs.getTimestamp("voided_at").toInstant())
                : null;
        Credit credit = new Credit(rs.getObject("credit_id", UUID.class), rs.getString("certificant_id"),
                Source.valueOf(rs.getString("source")), details, rs.getString("external_ref"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), voiding);
        return new StoredCredit(credit, rs.getString("content_hash"));
    }
}
