package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;

/**
 * A person's audits as they stood at the end of a past day (policy zone), computed from their streams rather than
 * from the audit table: each audit's events that occurred by then, folded as a command loads it (never from a
 * snapshot, which may be newer), then what time alone had done by then ({@link Audit#advance}: a deadline missed
 * before that day is overdue even if the sweep recorded it later). Its figures count with the evidence of then where
 * it is kept: the credits the person's other audits had claimed, the later renewals already drawn, the documents
 * already uploaded. The answer has the live read's shape and order ({@link AuditQueries#ofCertificant}).
 */
@ApplicationScoped
@Transactional
public class AuditsAsOf {

    /** Newest first, as the audit table is listed (its uuid order is the text order of the lowercase form). */
    private static final Comparator<AuditState> NEWEST_FIRST = Comparator.comparing(AuditState::openedOn)
            .reversed().thenComparing(s -> s.auditId().toString());

    private final EventLog eventLog;
    private final AuditEventStream stream;
    private final EvidenceReader evidence;
    private final DocumentRepository documents;
    private final AuditPolicy policy;
    private final Clock clock;

    public AuditsAsOf(EventLog eventLog, AuditEventStream stream, EvidenceReader evidence,
                      DocumentRepository documents, AuditPolicy policy, Clock clock) {
        this.eventLog = eventLog;
        this.stream = stream;
        this.evidence = evidence;
        this.documents = documents;
        this.policy = policy;
        this.clock = clock;
    }

    /** Today in the policy zone: the latest day a read can be as of (what is still to come is not known). */
    public LocalDate today() {
        return policy.today(clock.instant());
    }

    /** The person's audits opened by the end of {@code day}, newest first, one page of them. */
    public AuditQueries.Page ofCertificant(String certificantId, LocalDate day, int page, int size) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(policy.zone()).toInstant();
        // The last moment of the day, or now when the day is today: deadlines are judged on that day, not the next.
        Instant at = earliest(endOfDay.minusNanos(1), clock.instant());
        List<Audit> audits = foldedBefore(certificantId, endOfDay);
        audits.forEach(audit -> audit.advance(at));
        List<AuditState> states = audits.stream().map(Audit::state).sorted(NEWEST_FIRST).toList();
        List<AuditQueries.AuditDetails> found = states.stream().skip((long) page * size).limit(size)
                .map(state -> details(state, states, endOfDay)).toList();
        return new AuditQueries.Page(found, states.size());
    }

    /** Each audit of the person whose stream had started by {@code until}, folded from its events before then. */
    private List<Audit> foldedBefore(String certificantId, Instant until) {
        Map<String, List<StoredEvent>> streams = new LinkedHashMap<>();
        for (StoredEvent event : eventLog.aboutPersonBefore(certificantId, until)) {
            if (AuditEventStream.isAuditEvent(event.type())) {
                streams.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
            }
        }
        return streams.values().stream()
                .map(events -> Audit.fold(policy, null, stream.toDomain(events)))
                .flatMap(Optional::stream).toList();
    }

    private AuditQueries.AuditDetails details(AuditState state, List<AuditState> all, Instant until) {
        Audit audit = Audit.restore(policy, state);
        Evidence then = evidence.asOf(state.renewal(), claimedElsewhere(state, all), until);
        return new AuditQueries.AuditDetails(state, audit.verifiedCecs(then), audit.acceptedCecs(then),
                documents.ofAuditUploadedBefore(state.auditId(), until));
    }

    /** The ledger credits the person's other audits had claimed, with the audit that claimed each. */
    private static Map<UUID, UUID> claimedElsewhere(AuditState audit, List<AuditState> all) {
        Map<UUID, UUID> claimed = new HashMap<>();
        for (AuditState other : all) {
            if (!other.auditId().equals(audit.auditId())) {
                other.claimedLedgerCredits().forEach(credit -> claimed.put(credit, other.auditId()));
            }
        }
        return claimed;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
