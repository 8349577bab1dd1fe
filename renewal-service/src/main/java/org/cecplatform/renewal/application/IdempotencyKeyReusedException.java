package org.cecplatform.renewal.application;

/** An Idempotency-Key came again with a different renewal request; the first request's renewal stands. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different renewal request");
    }
}
