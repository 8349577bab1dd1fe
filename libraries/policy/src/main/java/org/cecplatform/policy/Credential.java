package org.cecplatform.policy;

import java.math.BigDecimal;

/** One credential of a policy version: its code (e.g. {@code CPT}), name, CECs required per cycle and renewal fee. */
public record Credential(String code, String name, BigDecimal cecsRequired, BigDecimal fee) {
}
