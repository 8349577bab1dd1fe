package org.cecplatform.contract.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cec.ledger.CECEarned.v1}: a credit was recorded in the ledger.
 *
 * @param source       CE_ONLINE, ANNUAL_MEETING, HEALTH_FITNESS_SUMMIT, WEBINAR, SELF_REPORTED, STAFF_ENTERED
 * @param verified     true for credits posted by the integration systems; they never need proof in an audit
 * @param category     GENERAL, COLLEGE_COURSE, COMMITTEE_SERVICE, CPR_AED_FIRST_AID, PUBLICATION, PRESENTATION
 * @param providerKind ACSM_APPROVED_PROVIDER, SPONSORING_ORGANIZATION, MAJOR_FITNESS_ORGANIZATION, ACCREDITED_COLLEGE
 * @param reported     what was reported, before conversion
 * @param cecs         the converted value, exact
 * @param externalRef  the completion or attendance id for integration credits, else null
 * @param grade        the grade of a college course, else null
 * @param recordedBy   who recorded it (token subject, or the integration system)
 */
public record CecEarnedV1(
        UUID creditId,
        String certificantId,
        String source,
        boolean verified,
        String category,
        String title,
        String provider,
        String providerKind,
        LocalDate completedOn,
        Reported reported,
        BigDecimal cecs,
        String externalRef,
        String grade,
        String recordedBy,
        Instant recordedAt) {

    /** The amount and unit as reported (CEC, CME, CONTACT_HOUR, CEU, COLLEGE_CREDIT_HOUR). */
    public record Reported(BigDecimal amount, String unit) {
    }
}
