package org.cecplatform.renewal.application;

import static org.cecplatform.platform.eventstore.EventDescription.SYSTEM;
import static org.cecplatform.platform.eventstore.EventDescription.figure;
import static org.cecplatform.platform.eventstore.EventDescription.shortId;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV2;
import org.cecplatform.contract.renewal.CertificationRenewedV2;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.cecplatform.platform.eventstore.EventDescriber;
import org.cecplatform.platform.eventstore.EventDescription;
import org.cecplatform.platform.eventstore.HistoryEvent;

/**
 * The renewal-service's events in a person's history. Status changes name no one: the service makes them itself (the
 * status job, an audit's outcome, the renewal that ends a grace period), so their actor is {@code system}; a renewal
 * names who submitted it (unknown on one recorded as version 1), and so does the request waiting for its payment; a
 * request that expires unpaid is the service's doing ({@code system}).
 */
@ApplicationScoped
public class RenewalEventDescriber implements EventDescriber {

    @Override
    public EventDescription describe(HistoryEvent event) {
        return switch (event.type()) {
            case EventTypes.CERTIFICATION_GRANTED -> granted(event.payload(CertificationGrantedV1.class));
            case EventTypes.CERTIFICATION_STATUS_CHANGED ->
                    statusChanged(event.payload(CertificationStatusChangedV1.class));
            case EventTypes.CERTIFICATION_RENEWED_V2 -> renewed(event.payload(CertificationRenewedV2.class));
            case EventTypes.CERTIFICATION_REINSTATED_V2 ->
                    reinstated(event.payload(CertificationReinstatedV2.class));
            case EventTypes.RENEWAL_PAYMENT_REQUESTED ->
                    paymentRequested(event.payload(RenewalPaymentRequestedV1.class));
            case EventTypes.PENDING_RENEWAL_EXPIRED -> pendingExpired(event.payload(PendingRenewalExpiredV1.class));
            case EventPayloads.AUDIT_HOLD_CHANGED -> auditHold(event.payload(EventPayloads.AuditHoldChangedV1.class));
            case EventPayloads.RENEWAL_RECEIPT_IMPORTED ->
                    receiptImported(event.payload(CertificationRenewedV2.class));
            default -> EventDescription.unknown(event.type());
        };
    }

    private static EventDescription granted(CertificationGrantedV1 e) {
        return new EventDescription(e.grantedBy(), "Granted " + e.credential() + ", certified on " + e.certifiedOn()
                + ", cycle " + e.cycleStart() + " to " + e.cycleEnd());
    }

    private static EventDescription statusChanged(CertificationStatusChangedV1 e) {
        return new EventDescription(SYSTEM, "Status " + e.from() + " -> " + e.to() + " for " + e.credential()
                + ", effective " + e.effectiveOn() + " (" + e.reason() + ")");
    }

    private static EventDescription renewed(CertificationRenewedV2 e) {
        String what = "LATE_RENEWAL".equals(e.kind()) ? "Renewed late " : "Renewed ";
        return new EventDescription(e.submittedBy(), what + credentials(e.credentials()) + ", cycle " + e.cycleStart()
                + " to " + e.cycleEnd() + receipt(e.cecsAttested(), e.cecsRequired(), e.feeTotal(), e.currency()));
    }

    private static EventDescription reinstated(CertificationReinstatedV2 e) {
        return new EventDescription(e.submittedBy(), "Reinstated " + credentials(e.credentials()) + ", cycle "
                + e.cycleStart() + " to " + e.cycleEnd() + " (lapsed " + e.gapFrom() + " to " + e.gapTo() + ")"
                + receipt(e.cecsAttested(), e.cecsRequired(), e.feeTotal(), e.currency()));
    }

    private static String receipt(BigDecimal attested, BigDecimal required, BigDecimal fee, String currency) {
        return ": " + figure(attested) + " of " + figure(required) + " CECs attested, fee " + figure(fee) + " "
                + currency;
    }

    private static EventDescription paymentRequested(RenewalPaymentRequestedV1 e) {
        String what = switch (e.kind()) {
            case "LATE_RENEWAL" -> "Late renewal";
            case "REINSTATEMENT" -> "Reinstatement";
            default -> "Renewal";
        };
        return new EventDescription(e.submittedBy(), what + " of " + credentials(e.credentials())
                + " requested: pay " + figure(e.amount()) + " " + e.currency() + " with reference " + e.reference()
                + " by " + e.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    }

    private static EventDescription pendingExpired(PendingRenewalExpiredV1 e) {
        return new EventDescription(SYSTEM, "Renewal request " + shortId(e.renewalId()) + " (reference "
                + e.reference() + ") expired unpaid");
    }

    private static EventDescription auditHold(EventPayloads.AuditHoldChangedV1 e) {
        return new EventDescription(SYSTEM, "Inactive certification " + shortId(e.certificationId())
                + " now held by audit " + shortId(e.auditId()));
    }

    private static EventDescription receiptImported(CertificationRenewedV2 e) {
        return new EventDescription(SYSTEM, "Receipt of " + e.kind() + " " + shortId(e.renewalId()) + " ("
                + credentials(e.credentials()) + ", cycle " + e.cycleStart() + " to " + e.cycleEnd()
                + ") imported from the tables");
    }

    private static String credentials(List<String> credentials) {
        return credentials == null ? "?" : String.join(", ", credentials);
    }
}
