package org.cecplatform.ledger.api;

import java.math.BigDecimal;
import org.cecplatform.ledger.domain.CreditClaim;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A credit as the Self-Reporting Tool or staff post it. Enumerations and the date are read as text and checked by
 * the rules, so that one answer lists every problem of the request.
 */
@Schema(name = "CreditRequest")
public record CreditRequest(
        @Schema(required = true, maxLength = 300, example = "Strength training for older adults") String title,
        @Schema(required = true, maxLength = 200, example = "NSCA") String provider,
        @Schema(required = true, enumeration = {"ACSM_APPROVED_PROVIDER", "SPONSORING_ORGANIZATION",
                "MAJOR_FITNESS_ORGANIZATION", "ACCREDITED_COLLEGE"}) String providerKind,
        @Schema(required = true, enumeration = {"GENERAL", "COLLEGE_COURSE", "COMMITTEE_SERVICE",
                "CPR_AED_FIRST_AID", "PUBLICATION", "PRESENTATION"}) String category,
        @Schema(required = true, format = "date", description = "not after today in the policy time zone")
        String completedOn,
        @Schema(required = true, description = "more than 0; converted into at most 100 CECs", example = "0.5")
        BigDecimal amount,
        @Schema(required = true, enumeration = {"CEC", "CME", "CONTACT_HOUR", "CEU", "COLLEGE_CREDIT_HOUR"})
        String unit,
        @Schema(required = true, description = "attests the activity is within the scope of the certification;"
                + " must be true") Boolean inScope,
        @Schema(description = "college course only (required there): A+, A, A-, B+, B, B-, C+, C or P")
        String grade) {

    static final CreditRequest EMPTY = new CreditRequest(null, null, null, null, null, null, null, null, null);

    CreditClaim toClaim() {
        return new CreditClaim(title, provider, providerKind, category, completedOn, amount, unit, inScope, grade);
    }
}
