package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.cecplatform.policy.counting.CecCaps;

/** ACSM's published policy (the service's configured defaults), and date helpers for the domain tests. */
final class Acsm {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final Policy POLICY = new Policy(
            List.of(rule("CEP", "Certified Clinical Exercise Physiologist", 60, 70),
                    rule("EP", "Certified Exercise Physiologist", 60, 70),
                    rule("CPT", "Certified Personal Trainer", 45, 60),
                    rule("GEI", "Certified Group Exercise Instructor", 45, 60),
                    rule("PAPHS", "Physical Activity in Public Health Specialist", 45, 35),
                    rule("CIFT", "Inclusive Fitness Trainer", 15, 35),
                    rule("CET", "Cancer Exercise Trainer", 15, 35)),
            NEW_YORK, "USD", 3, MonthDay.of(6, 30), 3,
            dec("80"), dec("165"), dec("5"),
            new CecCaps(dec("8"), dec("24"), dec("5")),
            new AttestationCaps(dec("24"), dec("15")));

    static final RenewalRules RULES = RenewalRules.of(POLICY);

    private Acsm() {
    }

    static CredentialRule rule(String code, String name, int cecs, int fee) {
        return new CredentialRule(code, name, BigDecimal.valueOf(cecs), BigDecimal.valueOf(fee));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** An instant given as a New York wall-clock time, e.g. {@code "2027-12-31T23:30"}. */
    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    /** Noon in New York on a date: the instant a command "today" runs at, when the hour does not matter. */
    static Instant noon(String isoDate) {
        return newYork(isoDate + "T12:00");
    }
}
