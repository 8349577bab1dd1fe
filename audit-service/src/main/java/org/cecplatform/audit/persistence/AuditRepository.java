package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;

/**
 * Reads of the audit queue ({@code audit}, the {@code audits} projection, written by {@link AuditTable} only): the
 * staff queries on its columns, the one query inside the states' JSON, and the locks that serialise audit commands.
 */
@ApplicationScoped
public class AuditRepository {

    /** The statuses of an audit that can no longer change. */
    private static final String[] CLOSED = {AuditStatus.PASSED.name(), AuditStatus.FAILED.name()};

    private final Jdbc jdbc;
    private final StoredJson json;

    public AuditRepository(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The audit as the audit queue (the {@code audits} projection) shows it. */
    public Optional<AuditState> stateOf(UUID auditId) {
        return jdbc.one("select state from audit where audit_id = ?", this::state, auditId);
    }

    public Optional<UUID> idOfRenewal(UUID renewalId) {
        return jdbc.one("select audit_id from audit where renewal_id = ?", rs -> Jdbc.uuid(rs, "audit_id"), renewalId);
    }

    /**
     * Serialises the commands on one audit until the transaction ends (taken after the person's lock, if any): an
     * advisory lock on the audit's id, which needs no row, so it holds while the audit table is being rebuilt.
     */
    public void lockAudit(UUID auditId) {
        advisoryLock("audit:" + auditId);
    }

    /**
     * Serialises every audit command about one person until the transaction ends (taken before any audit row is
     * locked): whether a ledger credit was already accepted in another of the person's audits is then decided on a
     * stable picture.
     */
    public void lockPerson(String certificantId) {
        advisoryLock(certificantId);
    }

    private void advisoryLock(String key) {
        jdbc.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 0, key);
    }

    /**
     * The ledger credits accepted in the person's other audits, with the audit that accepted each: items accepted
     * (or pre-accepted) and the replacement credits counted by a decision. By hand: it reads inside the states' JSON.
     */
    public Map<UUID, UUID> creditsAcceptedElsewhere(String certificantId, UUID auditId) {
        Map<UUID, UUID> accepted = new HashMap<>();
        jdbc.list("select credit_id::uuid, audit_id from ("
                        + " select i ->> 'creditId' credit_id, a.audit_id from audit a,"
                        + "   jsonb_array_elements(a.state -> 'items') i"
                        + "  where a.certificant_id = ? and a.audit_id <> ? and i ->> 'accepted' = 'true'"
                        + "    and i ->> 'creditId' is not null"
                        + " union"
                        + " select r, a.audit_id from audit a, jsonb_array_elements(a.state -> 'decisions') d,"
                        + "   jsonb_array_elements_text(coalesce(d -> 'replacementCreditIds', '[]'::jsonb)) r"
                        + "  where a.certificant_id = ? and a.audit_id <> ?) claims",
                rs -> accepted.put(Jdbc.uuid(rs, "credit_id"), Jdbc.uuid(rs, "audit_id")),
                certificantId, auditId, certificantId, auditId);
        return accepted;
    }

    /** Audits whose deadline has passed by {@code today}, earliest first: the sweep's work list. */
    public List<UUID> pastDeadline(LocalDate today) {
        return ids("select audit_id from audit where next_deadline < ? order by next_deadline", today);
    }

    /** A person's audits that are not closed: they may change when the person's verified credits do. */
    public List<UUID> unfinishedOf(String certificantId) {
        return ids("select audit_id from audit where certificant_id = ? and status <> all(?)", certificantId, CLOSED);
    }

    /** Of these people, those who have an audit that is not closed. */
    public Set<String> withUnfinishedAudits(Collection<String> certificantIds) {
        return new HashSet<>(jdbc.list("select distinct certificant_id from audit where certificant_id = any(?)"
                        + " and status <> all(?)", rs -> rs.getString("certificant_id"),
                certificantIds.toArray(String[]::new), CLOSED));
    }

    /** A page of the audits the filter lets through, in the order asked. */
    public List<AuditState> page(AuditFilter filter, AuditOrder order, int page, int size) {
        Object[] parameters = Arrays.copyOf(filter.parameters(), filter.parameters().length + 2);
        parameters[parameters.length - 2] = size;
        parameters[parameters.length - 1] = (long) page * size;
        return jdbc.list("select state from audit" + filter.where() + order.sql() + " limit ? offset ?", this::state,
                parameters);
    }

    /** How many audits the filter lets through in each status (statuses without any are absent). */
    public Map<String, Long> countByStatus(AuditFilter filter) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.list("select status, count(*) from audit" + filter.where() + " group by status",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), filter.parameters());
        return counts;
    }

    public long count(AuditFilter filter) {
        return jdbc.one("select count(*) from audit" + filter.where(), rs -> rs.getLong(1), filter.parameters())
                .orElseThrow();
    }

    /** How many audits of each level of a year were opened by hand. */
    public Map<String, Long> handSelectedByLevel(int year) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.list("select credential, count(*) from audit where year = ? and selection_method = 'MANUAL'"
                + " group by credential", rs -> counts.put(rs.getString(1), rs.getLong(2)), year);
        return counts;
    }

    private List<UUID> ids(String query, Object... parameters) {
        return jdbc.list(query, rs -> Jdbc.uuid(rs, "audit_id"), parameters);
    }

    private AuditState state(ResultSet row) throws SQLException {
        return json.read(row.getString("state"), AuditState.class);
    }
}
