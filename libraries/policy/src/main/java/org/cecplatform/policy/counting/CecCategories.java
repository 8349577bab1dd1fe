package org.cecplatform.policy.counting;

/** The ledger's credit categories that counting rules single out; any other category counts in full. */
public final class CecCategories {
    public static final String GENERAL = "GENERAL";
    public static final String COLLEGE_COURSE = "COLLEGE_COURSE";
    public static final String COMMITTEE_SERVICE = "COMMITTEE_SERVICE";
    public static final String CPR_AED_FIRST_AID = "CPR_AED_FIRST_AID";
    public static final String PUBLICATION = "PUBLICATION";
    public static final String PRESENTATION = "PRESENTATION";

    private CecCategories() {
    }
}
