package org.cecplatform.renewal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cecplatform.renewal.domain.PaymentOutcome;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code payment_notification}: one notification of the payment provider and what it did. Read here; written
 * by {@link PaymentRepository}'s statements (claimed by its provider event id, then its outcome), hence immutable.
 * The body and status as received are kept in the table for the record and not mapped: no read needs them.
 */
@Entity
@Table(name = "payment_notification")
@Immutable
public class PaymentNotificationEntity extends PanacheEntityBase {

    @Id
    public String providerEventId;
    public Instant receivedAt;
    public String paymentReference;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentOutcome.Kind outcome;
    public String reason;
    public UUID renewalId;
}
