package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;

/**
 * Reads of the audit table (the {@code audits} projection, written by {@link AuditTable} only): one row per audit, the
 * state as JSON, and the columns the queries and the sweep need. And the locks that serialise audit commands.
 */
@ApplicationScoped
public class AuditRepository {

    private static final String COLUMNS = "state::text, version";

    private final Db db;
    private final Json json;

    public AuditRepository(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /** The audit as the audit queue (the {@code audits} projection) shows it. */
    public Optional<StoredAudit> find(UUID auditId) {
        return db.one("select " + COLUMNS + " from audit where audit_id = ?", s -> s.setObject(1, auditId),
                rs -> new StoredAudit(json.read(rs.getString(1), AuditState.class), rs.getLong(2)));
    }

    public Optional<UUID> idOfRenewal(UUID renewalId) {
        return db.one("select audit_id from audit where renewal_id = ?", s -> s.setObject(1, renewalId),
                rs -> rs.getObject(1, UUID.class));
    }

    /**
     * Serialises the commands on one audit until the transaction ends (taken after the person's lock, if any): an
     * advisory lock on the audit's id, which needs no row, so it holds while the audit table is being rebuilt.
     */
    public void lockAudit(UUID auditId) {
        db.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", s -> s.setString(1, "audit:" + auditId),
                rs -> 0);
    }

    /**
     * Serialises every audit command about one person until the transaction ends (taken before any audit row is
     * locked): whether a ledger credit was already accepted in another of the person's audits is then decided on a
     * stable picture.
     */
    public void lockPerson(String certificantId) {
        db.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", s -> s.setString(1, certificantId),
                rs -> 0);
    }

    /**
     * The ledger credits accepted in the person's other audits, with the audit that accepted each: items accepted
     * (or pre-accepted) and the replacement credits counted by a decision.
     */
    public Map<UUID, UUID> creditsAcceptedElsewhere(String certificantId, UUID auditId) {
        Map<UUID, UUID> accepted = new HashMap<>();
        db.list("select credit_id::uuid, audit_id from ("
                        + " select i ->> 'creditId' credit_id, a.audit_id from audit a,"
                        + "   jsonb_array_elements(a.state -> 'items') i"
                        + "  where a.certificant_id = ? and a.audit_id <> ? and i ->> 'accepted' = 'true'"
                        + "    and i ->> 'creditId' is not null"
                        + " union"
                        + " select r, a.audit_id from audit a, jsonb_array_elements(a.state -> 'decisions') d,"
                        + "   jsonb_array_elements_text(coalesce(d -> 'replacementCreditIds', '[]'::jsonb)) r"
                        + "  where a.certificant_id = ? and a.audit_id <> ?) claims", s -> {
                    s.setString(1, certificantId);
                    s.setObject(2, auditId);
                    s.setString(3, certificantId);
                    s.setObject(4, auditId);
                }, rs -> accepted.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        return accepted;
    }

    /** Audits whose deadline has passed by {@code today}: the sweep's work list. */
    public List<UUID> pastDeadline(LocalDate today) {
        return db.list("select audit_id from audit where next_deadline < ? order by next_deadline",
                s -> s.setDate(1, Date.valueOf(today)), rs -> rs.getObject(1, UUID.class));
    }

    /** A person's audits that are not closed: they may change when the person's verified credits do. */
    public List<UUID> unfinishedOf(String certificantId) {
        return db.list("select audit_id from audit where certificant_id = ? and status not in (?, ?)", s -> {
            s.setString(1, certificantId);
            s.setString(2, AuditStatus.PASSED.name());
            s.setString(3, AuditStatus.FAILED.name());
        }, rs -> rs.getObject(1, UUID.class));
    }

    /** Of these people, those who have an audit that is not closed. */
    public Set<String> withUnfinishedAudits(Collection<String> certificantIds) {
        return new HashSet<>(db.list("select distinct certificant_id from audit"
                + " where certificant_id = any(?) and status not in (?, ?)", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("text", certificantIds.toArray()));
                    s.setString(2, AuditStatus.PASSED.name());
                    s.setString(3, AuditStatus.FAILED.name());
                }, rs -> rs.getString(1)));
    }

    public List<AuditState> page(AuditFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return db.list("select state::text from audit" + where
                        + " order by opened_on desc, audit_id limit ? offset ?", s -> {
                    int i = bind(s, args);
                    s.setInt(i, size);
                    s.setLong(i + 1, (long) page * size);
                }, rs -> json.read(rs.getString(1), AuditState.class));
    }

    public long count(AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return db.one("select count(*) from audit" + where, s -> bind(s, args), rs -> rs.getLong(1)).orElse(0L);
    }

    /** How many audits of each level of a year were opened by hand. */
    public Map<String, Long> handSelectedByLevel(int year) {
        Map<String, Long> counts = new HashMap<>();
        db.list("select credential, count(*) from audit where year = ? and selection_method = 'MANUAL'"
                        + " group by credential", s -> s.setInt(1, year),
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static String where(AuditFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            args.add(filter.status());
        }
        if (filter.credential() != null) {
            conditions.add("credential = ?");
            args.add(filter.credential());
        }
        if (filter.year() != null) {
            conditions.add("year = ?");
            args.add(filter.year());
        }
        if (filter.certificantId() != null) {
            conditions.add("certificant_id = ?");
            args.add(filter.certificantId());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static int bind(PreparedStatement s, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            s.setObject(i++, arg);
        }
        return i;
    }
}
