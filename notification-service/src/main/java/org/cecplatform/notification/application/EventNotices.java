package org.cecplatform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.audit.AuditOverdueV1;
import org.cecplatform.contract.audit.AuditProofSubmittedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV2;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV2;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.contract.renewal.FeeItemV2;
import org.cecplatform.contract.renewal.PaymentV2;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.cecplatform.notification.domain.NoticeDraft;
import org.cecplatform.notification.domain.NoticeKind;
import org.cecplatform.notification.domain.NoticeSettings;
import org.cecplatform.notification.domain.ReminderFact;

/**
 * The one mapping from the events of the other services to what they mean here: the notices they cause (each keyed
 * on the event id and its kind) and the facts the reminders keep. The facts a template shows are named here.
 */
@ApplicationScoped
public class EventNotices {

    /** What one event causes: facts for the reminders and notices (either may be empty). */
    public record Reaction(List<ReminderFact> facts, List<NoticeDraft> notices) {
    }

    private final NoticeSettings settings;

    public EventNotices(NoticeSettings settings) {
        this.settings = settings;
    }

    public Reaction granted(String eventId, CertificationGrantedV1 e) {
        return new Reaction(
                List.of(new ReminderFact.Cycle(e.certificantId(), e.credential(), e.cycleStart(), e.cycleEnd())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.CERTIFICATION_GRANTED, facts(
                        "credential", e.credential(), "certifiedOn", e.certifiedOn(), "cycleStart", e.cycleStart(),
                        "cycleEnd", e.cycleEnd()))));
    }

    /** A renewal request waits for its fee: what to pay, the reference to pay it with, and the deadline. */
    public Reaction paymentRequested(String eventId, RenewalPaymentRequestedV1 e) {
        return new Reaction(List.of(), List.of(NoticeDraft.ofEvent(eventId, e.certificantId(),
                NoticeKind.RENEWAL_PAYMENT_REQUESTED, facts("renewalId", e.renewalId(),
                        "kind", e.kind().toLowerCase(Locale.ROOT).replace('_', ' '),
                        "credentials", String.join(", ", e.credentials()), "amount", plain(e.amount()),
                        "currency", e.currency(), "reference", e.reference(),
                        "requestedAt", settings.localTime(e.requestedAt()),
                        "expiresAt", settings.localTime(e.expiresAt())))));
    }

    /** A renewal request expired unpaid: nothing was renewed (the cycle facts stay as they were). */
    public Reaction pendingExpired(String eventId, PendingRenewalExpiredV1 e) {
        return new Reaction(List.of(), List.of(NoticeDraft.ofEvent(eventId, e.certificantId(),
                NoticeKind.PENDING_RENEWAL_EXPIRED, facts("renewalId", e.renewalId(), "reference", e.reference(),
                        "expiredAt", settings.localTime(e.expiredAt())))));
    }

    /** A renewal accepted (version 1: no receipt). */
    public Reaction renewed(String eventId, CertificationRenewedV1 e) {
        return renewal(eventId, e.certificantId(), e.credentials(), e.cycleStart(), e.cycleEnd(), e.cecsRequired(),
                e.cecsAttested(), receipt(e.feeTotal(), e.currency(), List.of(), null));
    }

    /** A renewal accepted and paid (version 2 carries the payment: the notice is the receipt). */
    public Reaction renewed(String eventId, CertificationRenewedV2 e) {
        return renewal(eventId, e.certificantId(), e.credentials(), e.cycleStart(), e.cycleEnd(), e.cecsRequired(),
                e.cecsAttested(), receipt(e.feeTotal(), e.currency(), e.feeItems(), e.payment()));
    }

    /** A lapsed certification reinstated (version 1: no receipt). */
    public Reaction reinstated(String eventId, CertificationReinstatedV1 e) {
        return reinstatement(eventId, e.certificantId(), e.credentials(), e.cycleStart(), e.cycleEnd(),
                e.reinstatedOn(), receipt(e.feeTotal(), e.currency(), List.of(), null));
    }

    /** A lapsed certification reinstated and paid (version 2: the receipt). */
    public Reaction reinstated(String eventId, CertificationReinstatedV2 e) {
        return reinstatement(eventId, e.certificantId(), e.credentials(), e.cycleStart(), e.cycleEnd(),
                e.reinstatedOn(), receipt(e.feeTotal(), e.currency(), e.feeItems(), e.payment()));
    }

    private Reaction reinstatement(String eventId, String certificantId, List<String> credentials,
                                   LocalDate cycleStart, LocalDate cycleEnd, LocalDate reinstatedOn, String receipt) {
        List<ReminderFact> cycles = new ArrayList<>();
        credentials.forEach(c -> cycles.add(new ReminderFact.Cycle(certificantId, c, cycleStart, cycleEnd)));
        return new Reaction(cycles, List.of(NoticeDraft.ofEvent(eventId, certificantId,
                NoticeKind.CERTIFICATION_REINSTATED, facts("credentials", String.join(", ", credentials),
                        "cycleStart", cycleStart, "cycleEnd", cycleEnd, "reinstatedOn", reinstatedOn,
                        "receipt", receipt))));
    }

    /**
     * A status change: the reminders follow it; GRACE, LAPSED and INACTIVE are told to the person, except an INACTIVE
     * that an audit caused: the audit's own overdue notice says so with how to cure it, once for all the credentials
     * the audit holds (one status change per credential would be one more mail each).
     */
    public Reaction statusChanged(String eventId, CertificationStatusChangedV1 e) {
        List<ReminderFact> facts = List.of(new ReminderFact.Status(e.certificantId(), e.credential(), e.to()));
        NoticeKind kind = switch (e.to()) {
            case "GRACE" -> NoticeKind.STATUS_GRACE;
            case "LAPSED" -> NoticeKind.STATUS_LAPSED;
            case "INACTIVE" -> e.auditId() == null ? NoticeKind.STATUS_INACTIVE : null;
            default -> null;
        };
        if (kind == null) {
            return new Reaction(facts, List.of());
        }
        return new Reaction(facts, List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), kind, facts(
                "credential", e.credential(), "from", e.from(), "effectiveOn", e.effectiveOn(),
                "reason", e.reason() == null ? "" : e.reason()))));
    }

    public Reaction auditOpened(String eventId, AuditOpenedV1 e) {
        return new Reaction(
                List.of(new ReminderFact.AuditDue(e.auditId(), e.certificantId(), e.credential(), e.proofDueOn())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.AUDIT_OPENED, facts(
                        "auditId", e.auditId(), "credential", e.credential(),
                        "credentials", String.join(", ", e.credentials()), "openedOn", e.openedOn(),
                        "proofDueOn", e.proofDueOn(), "reason", e.reason(), "uploadUrl", uploadUrl(e.auditId()),
                        "submissionUrl", auditUrl(e.auditId()) + "/submission"))));
    }

    public Reaction auditExtended(String eventId, AuditExtendedV1 e) {
        return new Reaction(List.of(new ReminderFact.AuditDueMoved(e.auditId(), e.newDueOn())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.AUDIT_EXTENDED, facts(
                        "auditId", e.auditId(), "previousDueOn", e.previousDueOn(), "newDueOn", e.newDueOn(),
                        "reason", e.reason(), "uploadUrl", uploadUrl(e.auditId())))));
    }

    public Reaction proofSubmitted(String eventId, AuditProofSubmittedV1 e) {
        return new Reaction(List.of(new ReminderFact.AuditDone(e.auditId())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.AUDIT_PROOF_RECEIVED, facts(
                        "auditId", e.auditId(), "items", e.items(), "cecs", e.cecs().toPlainString()))));
    }

    /** Only remediation is told here: a PASSED or FAILED decision closes the audit, and its closing is told. */
    public Reaction auditDecided(String eventId, AuditDecidedV1 e) {
        if (!"REMEDIATION".equals(e.outcome()) || e.remediationDueOn() == null) {
            return new Reaction(List.of(), List.of());
        }
        return new Reaction(List.of(new ReminderFact.AuditDueMoved(e.auditId(), e.remediationDueOn())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.AUDIT_REMEDIATION_REQUESTED, facts(
                        "auditId", e.auditId(), "cecsAccepted", plain(e.cecsAccepted()),
                        "cecsDisallowed", plain(e.cecsDisallowed()), "remediationDueOn", e.remediationDueOn(),
                        "notes", e.notes() == null ? "" : e.notes(), "uploadUrl", uploadUrl(e.auditId()),
                        "submissionUrl", auditUrl(e.auditId()) + "/submission"))));
    }

    public Reaction auditOverdue(String eventId, AuditOverdueV1 e) {
        return new Reaction(List.of(new ReminderFact.AuditDone(e.auditId())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), NoticeKind.AUDIT_OVERDUE, facts(
                        "auditId", e.auditId(), "credentials", String.join(", ", e.credentials()),
                        "dueOn", e.dueOn(), "cureBy", e.cureBy(), "uploadUrl", uploadUrl(e.auditId()),
                        "submissionUrl", auditUrl(e.auditId()) + "/submission"))));
    }

    public Reaction auditClosed(String eventId, AuditClosedV1 e) {
        NoticeKind kind = "PASSED".equals(e.result()) ? NoticeKind.AUDIT_PASSED : NoticeKind.AUDIT_FAILED;
        return new Reaction(List.of(new ReminderFact.AuditDone(e.auditId())),
                List.of(NoticeDraft.ofEvent(eventId, e.certificantId(), kind, facts(
                        "auditId", e.auditId(), "credentials", String.join(", ", e.credentials()),
                        "reason", e.reason() == null ? "" : e.reason(),
                        "validUntil", e.validUntil() == null ? "" : e.validUntil()))));
    }

    public Reaction creditVoided(String eventId, CecVoidedV1 e) {
        return new Reaction(List.of(), List.of(NoticeDraft.ofEvent(eventId, e.certificantId(),
                NoticeKind.CREDIT_VOIDED, facts("creditId", e.creditId(), "reason", e.reason(),
                        "completedOn", e.completedOn() == null ? "" : e.completedOn(),
                        "category", e.category() == null ? "" : e.category(), "cecs", plain(e.cecs())))));
    }

    private Reaction renewal(String eventId, String certificantId, List<String> credentials,
                             LocalDate cycleStart, LocalDate cycleEnd, BigDecimal required,
                             BigDecimal attested, String receipt) {
        List<ReminderFact> cycles = new ArrayList<>();
        credentials.forEach(c -> cycles.add(new ReminderFact.Cycle(certificantId, c, cycleStart, cycleEnd)));
        return new Reaction(cycles, List.of(NoticeDraft.ofEvent(eventId, certificantId, NoticeKind.RENEWAL_ACCEPTED,
                facts("credentials", String.join(", ", credentials), "cycleStart", cycleStart, "cycleEnd", cycleEnd,
                        "cecsRequired", plain(required), "cecsAttested", plain(attested), "receipt", receipt))));
    }

    /** The receipt's lines, as plain text: each fee item, the total, and the payment when there was one. */
    private static String receipt(BigDecimal total, String currency, List<FeeItemV2> items, PaymentV2 payment) {
        StringBuilder lines = new StringBuilder();
        for (FeeItemV2 item : items == null ? List.<FeeItemV2>of() : items) {
            lines.append("  ").append(item.description()).append(": ").append(plain(item.amount())).append(' ')
                    .append(currency).append('\n');
        }
        lines.append("  Total: ").append(plain(total)).append(' ').append(currency);
        if (payment != null) {
            lines.append("\n  Paid: ").append(plain(payment.amount())).append(' ').append(payment.currency())
                    .append(", reference ").append(payment.reference());
        }
        return lines.toString();
    }

    private String auditUrl(Object auditId) {
        return settings.auditServiceUrl() + "/api/v1/audits/" + auditId;
    }

    private String uploadUrl(Object auditId) {
        return auditUrl(auditId) + "/documents";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** Name, value, name, value ...: the facts a template shows, in order (null values are refused). */
    private static Map<String, Object> facts(Object... nameValue) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            String name = (String) nameValue[i];
            facts.put(name, Objects.requireNonNull(nameValue[i + 1], () -> "fact " + name + " is missing"));
        }
        return facts;
    }
}
