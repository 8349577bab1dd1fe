package org.cecplatform.ledger.domain;

/** Who awarded a credit: only these kinds of provider are accepted. */
public enum ProviderKind {
    ACSM_APPROVED_PROVIDER, SPONSORING_ORGANIZATION, MAJOR_FITNESS_ORGANIZATION, ACCREDITED_COLLEGE
}
