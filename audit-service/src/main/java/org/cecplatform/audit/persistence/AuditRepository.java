package org.cecplatform.audit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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
 * staff queries through {@link AuditRow}, and the one query on the states' JSON by hand. And the locks that serialise
 * audit commands.
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRow, UUID> {

    /** The statuses of an audit that can no longer change. */
    private static final List<String> CLOSED = List.of(AuditStatus.PASSED.name(), AuditStatus.FAILED.name());

    private final Jdbc jdbc;
    private final StoredJson json;

    public AuditRepository(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The audit as the audit queue (the {@code audits} projection) shows it. */
    public Optional<AuditState> stateOf(UUID auditId) {
        return findByIdOptional(auditId).map(this::state);
    }

    public Optional<UUID> idOfRenewal(UUID renewalId) {
        return ids("select a.auditId from AuditRow a where a.renewalId = ?1", renewalId).stream().findFirst();
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
        return ids("select a.auditId from AuditRow a where a.nextDeadline < ?1 order by a.nextDeadline", today);
    }

    /** A person's audits that are not closed: they may change when the person's verified credits do. */
    public List<UUID> unfinishedOf(String certificantId) {
        return ids("select a.auditId from AuditRow a where a.certificantId = ?1 and a.status not in ?2",
                certificantId, CLOSED);
    }

    /** Of these people, those who have an audit that is not closed. */
    public Set<String> withUnfinishedAudits(Collection<String> certificantIds) {
        return new HashSet<>(getEntityManager().createQuery("select distinct a.certificantId from AuditRow a"
                        + " where a.certificantId in ?1 and a.status not in ?2", String.class)
                .setParameter(1, certificantIds).setParameter(2, CLOSED).getResultList());
    }

    /** A page of the audits the filter lets through, newest first. */
    public List<AuditState> page(AuditFilter filter, int page, int size) {
        return find("from AuditRow a" + filter.where() + " order by a.openedOn desc, a.auditId", filter.parameters())
                .page(page, size).list().stream().map(this::state).toList();
    }

    public long count(AuditFilter filter) {
        return count("from AuditRow a" + filter.where(), filter.parameters());
    }

    /** How many audits of each level of a year were opened by hand. */
    public Map<String, Long> handSelectedByLevel(int year) {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select a.credential, count(a) from AuditRow a"
                        + " where a.year = ?1 and a.selectionMethod = 'MANUAL' group by a.credential", Object[].class)
                .setParameter(1, year).getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private List<UUID> ids(String query, Object... parameters) {
        var ids = getEntityManager().createQuery(query, UUID.class);
        for (int i = 0; i < parameters.length; i++) {
            ids.setParameter(i + 1, parameters[i]);
        }
        return ids.getResultList();
    }

    private AuditState state(AuditRow row) {
        return json.read(row.state, AuditState.class);
    }
}
