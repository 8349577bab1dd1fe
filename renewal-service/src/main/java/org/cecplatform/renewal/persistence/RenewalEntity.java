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
import org.cecplatform.renewal.domain.RenewalKind;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code renewal}, a table of the {@code certifications} projection: read here, written only by the
 * projection ({@code CertificationTables}), hence immutable. The {@code jsonb} columns are read as their text.
 */
@Entity
@Table(name = "renewal")
@Immutable
public class RenewalEntity extends PanacheEntityBase {

    @Id
    public UUID renewalId;
    public String certificantId;
    @Enumerated(EnumType.STRING)
    public RenewalKind kind;
    /** The credentials renewed, comma-separated, in the renewal's order. */
    public String credentials;
    public String level;
    public LocalDate renewedOn;
    public Instant renewedAt;
    public LocalDate cycleStart;
    public LocalDate cycleEnd;
    public BigDecimal cecsRequired;
    public String attestedSubmitted;
    public String attestedCounted;
    public BigDecimal cecsAttested;
    public BigDecimal cecsTracked;
    public String feeItems;
    public BigDecimal feeTotal;
    public String currency;
    public BigDecimal paymentAmount;
    public String paymentCurrency;
    public String paymentReference;
    public String cprProvider;
    public LocalDate cprIssuedOn;
    public LocalDate cprExpiresOn;
    public boolean cprHandsOn;
    public String submittedBy;
}
