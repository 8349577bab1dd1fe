package org.cecplatform.ledger.domain;

/** What kind of activity a credit was for; caps per category are applied by whoever counts, not by the ledger. */
public enum Category {
    GENERAL, COLLEGE_COURSE, COMMITTEE_SERVICE, CPR_AED_FIRST_AID, PUBLICATION, PRESENTATION
}
