package org.cecplatform.renewal.domain;

import java.math.BigDecimal;

/**
 * What the payment provider tells about one payment, once its signature has been verified.
 *
 * @param eventId the provider's id of this notification: a redelivery carries the same id
 * @param status  {@code SUCCEEDED} when the money was taken; anything else confirms nothing
 */
public record PaymentNotice(String eventId, String status, String reference, BigDecimal amount, String currency) {

    public static final String SUCCEEDED = "SUCCEEDED";

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    public Payment payment() {
        return new Payment(amount, currency, reference);
    }
}
