package org.cecplatform.audit.domain.sampling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;

/**
 * Private event {@value #TYPE}: a renewal entered its level-year pool and was drawn. Carries the renewal as the
 * renewal-service reported it and everything that reproduces the draw from the pool's seed. One per renewal; the
 * pool's ordinal counts them.
 *
 * @param draw            the block's secret offset ({@link Draw#offset()})
 * @param auditableUntil  the last day an audit of it may open
 * @param enteredAt       when it entered (the service clock)
 */
public record RenewalDrawn(UUID renewalId, String certificantId, String level, int year, LocalDate renewedOn,
                           LocalDate auditableUntil, RenewalUnderAudit renewal, long ordinal, long block,
                           int position, int blockSize, int perBlock, int draw, boolean selected,
                           Instant enteredAt) {

    public static final String TYPE = "audit.RenewalDrawn.v1";

    public RenewalDrawn {
        Objects.requireNonNull(renewalId, "renewalId");
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(enteredAt, "enteredAt");
    }

    public static RenewalDrawn of(RenewalUnderAudit renewal, LocalDate auditableUntil, Draw draw, Instant enteredAt) {
        return new RenewalDrawn(renewal.renewalId(), renewal.certificantId(), renewal.level(), renewal.year(),
                renewal.renewedOn(), auditableUntil, renewal, draw.ordinal(), draw.block(), draw.position(),
                draw.blockSize(), draw.perBlock(), draw.offset(), draw.selected(), enteredAt);
    }
}
