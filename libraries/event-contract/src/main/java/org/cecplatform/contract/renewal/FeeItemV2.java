package org.cecplatform.contract.renewal;

import java.math.BigDecimal;

/** One item of a renewal's fee. */
public record FeeItemV2(String description, BigDecimal amount) {
}
