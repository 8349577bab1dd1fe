package org.cecplatform.policy;

import java.math.BigDecimal;

/** Caps on the attested totals of the renewal form, per cycle: more is counted at the cap. */
public record AttestedCaps(BigDecimal committeeService, BigDecimal cprAedFirstAid) {
}
