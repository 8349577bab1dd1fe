package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An accepted renewal (or reinstatement): final once recorded.
 *
 * @param attestedAsCounted the attested fields as counted (caps applied)
 * @param cecsAttested      their sum
 * @param cecsTracked       what the ledger tracked for the cycle renewed (the smallest figure among the credentials
 *                          renewed, i.e. what counts for all of them)
 */
public record Renewal(UUID renewalId, String certificantId, RenewalKind kind, List<String> credentials, String level,
                      LocalDate renewedOn, Instant renewedAt, LocalDate cycleStart, LocalDate cycleEnd,
                      List<RenewedCertification> certifications, BigDecimal cecsRequired,
                      AttestedCecs attestedAsSubmitted, AttestedCecs attestedAsCounted, BigDecimal cecsAttested,
                      BigDecimal cecsTracked, Fee fee, Payment payment, CprCard cpr, String submittedBy) {

    public Renewal {
        credentials = List.copyOf(credentials);
        certifications = List.copyOf(certifications);
    }

    /**
     * Whether this holds the whole receipt: false for a renewal read from an event recorded as version 1, which carried
     * no payment reference, CPR card or submitter (its receipt is in the stream as an imported record).
     */
    public boolean hasReceipt() {
        return payment != null && payment.reference() != null && submittedBy != null;
    }

    /** The certification of the level credential: its previous cycle and gap are the renewal's headline figures. */
    public RenewedCertification levelCertification() {
        return certifications.stream().filter(c -> c.credential().equals(level)).findFirst()
                .orElse(certifications.get(0));
    }

    /** The first completion date counted toward the cycle renewed (the level credential's). */
    public LocalDate countedFrom() {
        return levelCertification().countedFrom();
    }

    /** The last completion date counted toward the cycle renewed; later credits count toward the new cycle. */
    public LocalDate countedTo() {
        return levelCertification().countedTo();
    }
}
