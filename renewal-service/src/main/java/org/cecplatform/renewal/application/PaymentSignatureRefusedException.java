package org.cecplatform.renewal.application;

/** A payment notification whose signature is missing, wrong or stale: refused before anything is recorded. */
public class PaymentSignatureRefusedException extends RuntimeException {

    public PaymentSignatureRefusedException(String detail) {
        super(detail);
    }
}
