package org.cecplatform.renewal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code renewal_certification}: one certification a renewal covered. Written only by the
 * {@code certifications} projection; read with its renewal.
 */
@Entity
@Table(name = "renewal_certification")
@IdClass(RenewedCertificationEntity.Key.class)
@Immutable
public class RenewedCertificationEntity extends PanacheEntityBase {

    /** The primary key: a certification is covered once by a renewal. */
    public record Key(UUID renewalId, UUID certificationId) implements Serializable {
    }

    @Id
    public UUID renewalId;
    @Id
    public UUID certificationId;
    public String credential;
    public LocalDate previousCycleStart;
    public LocalDate previousCycleEnd;
    public BigDecimal cecsTracked;
    public LocalDate gapFrom;
    public LocalDate gapTo;
    /** Null on renewals recorded before the counting window was stored. */
    public LocalDate countedFrom;
    public LocalDate countedTo;
}
