package org.cecplatform.ledger.application;

/** An Idempotency-Key came again with a different request; the first request's answer stands. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request");
    }
}
