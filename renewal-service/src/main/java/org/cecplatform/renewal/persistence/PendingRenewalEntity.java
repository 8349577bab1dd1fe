package org.cecplatform.renewal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code pending_renewal}: a renewal request and where it stands. Read here; written by
 * {@link PaymentRepository}'s statements (the status changes only by a guarded update), hence immutable.
 */
@Entity
@Table(name = "pending_renewal")
@Immutable
public class PendingRenewalEntity extends PanacheEntityBase {

    @Id
    public UUID renewalId;
    public String certificantId;
    @Enumerated(EnumType.STRING)
    public RenewalStatus status;
    public LocalDate requestedOn;
    public Instant requestedAt;
    public Instant expiresAt;
    public String submittedBy;
    /** The renewal form as submitted ({@code jsonb}, read as its text). */
    public String form;
    /** What the form was checked against on the day it was made ({@code jsonb}, read as its text). */
    public String quote;
    public BigDecimal amount;
    public String currency;
    public String paymentReference;
    public String idempotencyKey;
    public String requestHash;
}
