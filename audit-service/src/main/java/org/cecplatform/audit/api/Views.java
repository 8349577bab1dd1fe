package org.cecplatform.audit.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.AuditItem;
import org.cecplatform.audit.domain.audit.AuditOutcomes;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.cecplatform.audit.domain.audit.Extension;
import org.cecplatform.audit.domain.audit.ProofChannel;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.domain.audit.Selection;

/** The response bodies of the audit API (SPEC §4 field names, and more). CECs are shown with one decimal. */
public final class Views {

    private Views() {
    }

    public record AuditView(UUID auditId, UUID renewalId, String certificantId, String credential,
                            List<String> credentials, int year, @Schema(nullable = true) String renewalKind,
                            LocalDate renewedOn,
                            String status, LocalDate openedOn, LocalDate proofDueOn, LocalDate originalDueOn,
                            @Schema(nullable = true, description = "the next deadline: proof due (OPEN), remediation"
                                    + " due (REMEDIATION) or cure by (OVERDUE); none while submitted or closed")
                            LocalDate dueOn,
                            String reason, boolean extended, @Schema(nullable = true) ExtensionView extension,
                            @Schema(nullable = true) LocalDate remediationDueOn,
                            @Schema(nullable = true) LocalDate overdueSince, @Schema(nullable = true) LocalDate cureBy,
                            BigDecimal cecsRequired, CycleWindow window,
                            BigDecimal verifiedCecs, BigDecimal acceptedCecs, BigDecimal requiredCecs,
                            List<ItemView> items, List<DocumentView> documents,
                            @Schema(nullable = true) DecisionView decision, List<DecisionView> decisions,
                            @Schema(nullable = true) LocalDate validUntil,
                            @Schema(nullable = true) String closedReason, @Schema(nullable = true) Instant closedAt,
                            SelectionView selection) {
    }

    /** The completion dates the renewal counted for the audited cycle: proof must lie inside it. */
    public record CycleWindow(LocalDate from, LocalDate to) {
    }

    public record ExtensionView(LocalDate previousDueOn, LocalDate newDueOn, String reason, String extendedBy,
                                Instant extendedAt) {
    }

    public record ItemView(UUID itemId, @Schema(nullable = true) UUID creditId, String title, String provider,
    LocalDate completedOn,
                           BigDecimal cecs, String category, List<UUID> documentIds, boolean preAccepted,
                           @Schema(nullable = true) Boolean accepted, @Schema(nullable = true) String disallowedReason,
                           int round, Instant submittedAt,
                           @Schema(nullable = true, description = "the staff member who entered the item from the"
                                   + " person's paper form on their behalf; null when the person submitted it")
                           String enteredBy) {
    }

    public record DocumentView(UUID documentId, long size, String sha256, String contentType,
    @Schema(nullable = true) String fileName,
                               String uploadedBy, Instant uploadedAt,
                               @Schema(description = "ONLINE: the person uploaded it; POST: paper received by post,"
                                       + " uploaded by staff (uploadedBy) on the person's behalf")
                               ProofChannel receivedBy) {
    }

    public record DecisionView(String outcome, @Schema(nullable = true) String notes, String decidedBy,
    Instant decidedAt,
                               BigDecimal cecsAccepted, BigDecimal cecsDisallowed,
                               @Schema(nullable = true) LocalDate remediationDueOn,
                               @Schema(nullable = true) LocalDate validUntil, List<UUID> replacementCreditIds) {
    }

    /** How the renewal was selected; the draw's details are for staff and auditors only. */
    public record SelectionView(String method, @Schema(nullable = true) String selectedBy,
    @Schema(nullable = true) String seedFingerprint, @Schema(nullable = true) Long ordinal,
    @Schema(nullable = true) Long block,
                                @Schema(nullable = true) Integer position, @Schema(nullable = true) Integer blockSize,
                                @Schema(nullable = true) Integer perBlock, @Schema(nullable = true) Integer draw) {
    }

    public record AuditPage(List<AuditView> audits, int page, int size, long totalItems) {
    }

    /**
     * A page of the audit queue; {@code today} is the day its deadlines were judged on (the service's clock, policy
     * zone); {@code countsByStatus} counts every status under the same filters but the status.
     */
    public record AuditQueuePage(List<AuditView> audits, int page, int size, long totalItems, LocalDate today,
                                 Map<String, Long> countsByStatus) {
    }

    public record SamplingLevel(String credential, long renewals, long selected, BigDecimal rate, BigDecimal target,
                                long handSelected, @Schema(nullable = true) Integer perBlock,
                                @Schema(nullable = true) Integer blockSize,
                                @Schema(nullable = true) String seedFingerprint,
                                @Schema(nullable = true) String seed) {
    }

    public record SamplingReport(int year, List<SamplingLevel> levels) {
    }

    /**
     * Where audits ended (each in exactly one state, so the five add up to {@code opened}): {@code passed} without
     * remediation, {@code remediated} (passed after a remediation), {@code failed}, {@code overdue} (still open) and
     * {@code inProgress} (open, submitted or in remediation).
     */
    public record AuditOutcomesView(long opened, long passed, long remediated, long failed, long overdue,
                                    long inProgress) {

        static AuditOutcomesView of(AuditOutcomes o) {
            return new AuditOutcomesView(o.opened(), o.passed(), o.remediated(), o.failed(), o.overdue(),
                    o.inProgress());
        }
    }

    /** One level's audits of the year: opened by the random draw, by hand, and both. */
    public record LevelOutcomesView(String credential, AuditOutcomesView random, AuditOutcomesView byHand,
                                    AuditOutcomesView all) {
    }

    /** A year's audit outcomes per level; {@code asOf} is the day the open and overdue counts stand on. */
    public record OutcomesReport(int year, LocalDate asOf, List<LevelOutcomesView> levels, AuditOutcomesView all) {
    }

    /** A renewal's draw, recomputed from the recorded seed so staff can check it. */
    public record DrawView(UUID renewalId, String certificantId, String credential, int year, long ordinal, long block,
                           int position, int blockSize, int perBlock, int draw, boolean selected, String seed,
                           String seedFingerprint, boolean reproduced, LocalDate auditableUntil,
                           @Schema(nullable = true) UUID auditId, RecomputedDraw recomputed) {
    }

    /**
     * The draw as recomputed from the seed: the block's offset ({@code draw}) from HMAC-SHA256 of the seed, and the
     * rule applied to it. With {@code k} = perBlock, {@code B} = blockSize and {@code v} = draw, the first {@code j}
     * positions of a block select {@code floor((k·j + v) / B)}: {@code selectedBefore} for {@code j = position - 1},
     * {@code selectedThrough} for {@code j = position}; the renewal is selected when the second is larger.
     */
    public record RecomputedDraw(long block, int position, int draw, long selectedBefore, long selectedThrough,
                                 boolean selected) {
    }

    static AuditQueuePage queue(List<AuditView> audits, int page, int size, long totalItems, LocalDate today,
                                Map<AuditStatus, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((status, count) -> byName.put(status.name(), count));
        return new AuditQueuePage(audits, page, size, totalItems, today, byName);
    }

    static BigDecimal cecs(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    static AuditView audit(AuditState s, BigDecimal verifiedCecs, BigDecimal acceptedCecs,
                           List<ProofDocument> documents, boolean showDraw) {
        Extension e = s.extension();
        return new AuditView(s.auditId(), s.renewal().renewalId(), s.renewal().certificantId(), s.renewal().level(),
                s.renewal().credentials(), s.renewal().year(), s.renewal().kind(), s.renewal().renewedOn(),
                s.status().name(), s.openedOn(), s.proofDueOn(), s.originalDueOn(), s.nextDeadline(), s.reason(),
                e != null,
                e == null ? null : new ExtensionView(e.previousDueOn(), e.newDueOn(), e.reason(), e.extendedBy(),
                        e.extendedAt()),
                s.remediationDueOn(), s.overdueSince(), s.cureBy(), cecs(s.renewal().cecsRequired()),
                new CycleWindow(s.renewal().windowStart(), s.renewal().windowEnd()), cecs(verifiedCecs),
                cecs(acceptedCecs), cecs(s.renewal().cecsRequired()),
                s.items().stream().map(Views::item).toList(),
                documents.stream().map(Views::document).toList(),
                decision(s.lastDecision()), s.decisions().stream().map(Views::decision).toList(),
                s.validUntil(), s.closedReason(), s.closedAt(), selection(s.selection(), showDraw));
    }

    static ItemView item(AuditItem i) {
        return new ItemView(i.itemId(), i.creditId(), i.title(), i.provider(), i.completedOn(), cecs(i.cecs()),
                i.category(), i.documentIds(), i.preAccepted(), i.accepted(), i.disallowedReason(), i.round(),
                i.submittedAt(), i.enteredBy());
    }

    /** Who viewed or downloaded a document, and when: for staff. */
    public record DocumentAccessView(UUID documentId, List<AccessView> accesses) {
    }

    public record AccessView(String accessedBy, String roles, String action, Instant accessedAt) {
    }

    static DocumentAccessView access(UUID documentId, List<DocumentAccess> accesses) {
        return new DocumentAccessView(documentId, accesses.stream()
                .map(a -> new AccessView(a.accessedBy(), a.roles(), a.action(), a.accessedAt())).toList());
    }

    static DocumentView document(ProofDocument d) {
        return new DocumentView(d.documentId(), d.size(), d.sha256(), d.contentType(), d.originalName(),
                d.uploadedBy(), d.uploadedAt(), d.receivedBy());
    }

    static DecisionView decision(Decision d) {
        return d == null ? null : new DecisionView(d.outcome().name(), d.notes(), d.decidedBy(), d.decidedAt(),
                cecs(d.cecsAccepted()), cecs(d.cecsDisallowed()), d.remediationDueOn(), d.validUntil(),
                d.replacementCreditIds());
    }

    static SelectionView selection(Selection s, boolean showDraw) {
        if (!showDraw) {
            return new SelectionView(s.method().name(), null, null, null, null, null, null, null, null);
        }
        return new SelectionView(s.method().name(), s.selectedBy(), s.seedFingerprint(), s.ordinal(), s.block(),
                s.position(), s.blockSize(), s.perBlock(), s.draw());
    }
}
