package org.cecplatform.renewal.domain;

import java.math.BigDecimal;

/** Caps on the attested totals of a renewal form, per cycle: more is counted at the cap. */
public record AttestationCaps(BigDecimal committeeService, BigDecimal cprAedFirstAid) {
}
