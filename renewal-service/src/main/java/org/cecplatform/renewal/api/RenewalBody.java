package org.cecplatform.renewal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The renewal form, as SPEC §4 names its fields. Every part is checked by the domain, which lists all problems. */
public record RenewalBody(List<String> credentials, Attested attestedCecs, Boolean acknowledged, Cpr cpr,
                          PaymentBody payment) {

    public record Attested(BigDecimal ceOnlineAndAcsmEvents, BigDecimal otherProviders, BigDecimal collegeCourses,
                           BigDecimal committeeService, BigDecimal cprAedFirstAid,
                           BigDecimal publicationsAndPresentations) {
    }

    public record Cpr(String provider, LocalDate issuedOn, LocalDate expiresOn, Boolean handsOnSkills) {
    }

    public record PaymentBody(BigDecimal amount, String currency, String reference) {
    }
}
