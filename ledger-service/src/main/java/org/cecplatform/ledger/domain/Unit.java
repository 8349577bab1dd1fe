package org.cecplatform.ledger.domain;

/** The unit a credit was reported in; {@link CreditConversion} turns it into CECs. */
public enum Unit {
    CEC, CME, CONTACT_HOUR, CEU, COLLEGE_CREDIT_HOUR
}
