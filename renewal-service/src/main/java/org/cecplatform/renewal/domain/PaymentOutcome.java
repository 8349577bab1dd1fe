package org.cecplatform.renewal.domain;

import java.util.UUID;

/**
 * What one provider notification did: renewed its renewal, or was kept as unmatched money for staff to refund (the
 * reason says why), or confirmed nothing (not a successful payment).
 */
public record PaymentOutcome(String eventId, Kind outcome, UUID renewalId, String reason) {

    public enum Kind {
        RENEWED, UNMATCHED, NOT_PAID
    }

    public static PaymentOutcome renewed(String eventId, UUID renewalId) {
        return new PaymentOutcome(eventId, Kind.RENEWED, renewalId, null);
    }

    public static PaymentOutcome unmatched(String eventId, UUID renewalId, String reason) {
        return new PaymentOutcome(eventId, Kind.UNMATCHED, renewalId, reason);
    }

    public static PaymentOutcome notPaid(String eventId, UUID renewalId, String status) {
        return new PaymentOutcome(eventId, Kind.NOT_PAID, renewalId, "payment status " + status + ": nothing to renew");
    }
}
