package org.cecplatform.ledger.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.ledger.domain.Category;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditDetails;
import org.cecplatform.ledger.domain.ProviderKind;
import org.cecplatform.ledger.domain.Source;
import org.cecplatform.ledger.domain.Unit;
import org.hibernate.annotations.Immutable;

/**
 * A row of the credit read model (table {@code credit}), as the history and single-credit queries read it. Read only
 * ({@link Immutable}: no dirty checking, no snapshot kept): rows are written by {@link CreditWriter} in the same
 * transaction as their events. {@code verified} is not mapped (the source says it), nor the event sequence.
 */
@Entity
@Immutable
@Table(name = "credit")
public class CreditEntity {

    @Id
    @Column(name = "credit_id")
    private UUID creditId;

    @Column(name = "certificant_id")
    private String certificantId;

    @Enumerated(EnumType.STRING)
    private Source source;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String title;

    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_kind")
    private ProviderKind providerKind;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    /** Exact as reported ({@code numeric} without a scale: the stored scale is kept). */
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private Unit unit;

    private BigDecimal cecs;

    private String grade;

    @Column(name = "external_ref")
    private String externalRef;

    private boolean voided;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected CreditEntity() {
        // for Hibernate
    }

    Credit toCredit() {
        CreditDetails details = new CreditDetails(title, provider, providerKind, category, completedOn, amount, unit,
                cecs, grade);
        Credit.Voiding voiding = voided ? new Credit.Voiding(voidReason, voidedBy, voidedAt) : null;
        return new Credit(creditId, certificantId, source, details, externalRef, recordedAt, recordedBy, voiding);
    }
}
