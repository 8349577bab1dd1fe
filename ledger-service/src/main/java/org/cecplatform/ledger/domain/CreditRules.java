package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules a claimed credit (self-reported or entered by staff) must meet: every field present and known, a
 * completion date not after today, the in-scope attestation, a college course reported in credit hours with a
 * passing grade, and a result above 0 and at most the largest credit. All violations are collected, never only the
 * first. The conversion factors, the largest credit and the passing grades are those of the policy version in force
 * on the day the credit is recorded.
 */
public final class CreditRules {

    public static final int TITLE_MAX_LENGTH = 300;
    public static final int PROVIDER_MAX_LENGTH = 200;

    private final LedgerPolicyHistory policies;

    public CreditRules(LedgerPolicyHistory policies) {
        this.policies = policies;
    }

    /** The same policy on every day. */
    public CreditRules(LedgerPolicy policy) {
        this(LedgerPolicyHistory.always(policy));
    }

    /** The outcome of a check: the accepted details, or the list of what is wrong (never both). */
    public record Checked(CreditDetails details, List<RuleViolation> violations) {

        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    /** Checks a claim on {@code today} (a date in the policy zone). */
    public Checked check(CreditClaim claim, LocalDate today) {
        LedgerPolicy policy = policies.on(today);
        List<RuleViolation> violations = new ArrayList<>();
        String title = text(claim.title(), "title", TITLE_MAX_LENGTH, violations);
        String provider = text(claim.provider(), "provider", PROVIDER_MAX_LENGTH, violations);
        ProviderKind providerKind = known(claim.providerKind(), ProviderKind.class, "providerKind", violations);
        Category category = known(claim.category(), Category.class, "category", violations);
        Unit unit = known(claim.unit(), Unit.class, "unit", violations);
        LocalDate completedOn = completionDate(claim.completedOn(), today, violations);

        if (!Boolean.TRUE.equals(claim.inScope())) {
            violations.add(new RuleViolation("inScope", claim.inScope() == null
                    ? "is required: attest that the activity is within the scope of the certification"
                    : "must be true: only activities within the scope of the certification count"));
        }

        String grade = collegeCourse(category, unit, claim.grade(), policy, violations);

        BigDecimal cecs = null;
        BigDecimal amount = claim.amount();
        if (amount == null) {
            violations.add(new RuleViolation("amount", "is required"));
        } else if (amount.signum() <= 0) {
            violations.add(new RuleViolation("amount", "must be more than 0"));
        } else if (unit != null) {
            cecs = new CreditConversion(policy).toCecs(amount, unit);
            if (cecs.compareTo(policy.maxCecsPerCredit()) > 0) {
                violations.add(new RuleViolation("amount", amount.toPlainString() + " " + unit + " is "
                        + cecs.stripTrailingZeros().toPlainString() + " CECs; one credit is at most "
                        + policy.maxCecsPerCredit().stripTrailingZeros().toPlainString() + " CECs"));
            }
        }

        if (!violations.isEmpty()) {
            return new Checked(null, List.copyOf(violations));
        }
        return new Checked(new CreditDetails(title, provider, providerKind, category, completedOn, amount, unit, cecs,
                grade), List.of());
    }

    /**
     * College credit hours belong to college courses only, a college course is reported in them, and it needs a
     * passing grade (C or better, or P, by default). Returns the canonical grade of a college course, else null.
     */
    private static String collegeCourse(Category category, Unit unit, String gradeText, LedgerPolicy policy,
                                        List<RuleViolation> violations) {
        boolean gradeGiven = gradeText != null && !gradeText.isBlank();
        if (category == Category.COLLEGE_COURSE) {
            if (unit != null && unit != Unit.COLLEGE_CREDIT_HOUR) {
                violations.add(new RuleViolation("unit", "a college course is reported in COLLEGE_CREDIT_HOUR"));
            }
            if (!gradeGiven) {
                violations.add(new RuleViolation("grade", "is required for a college course"));
                return null;
            }
            Optional<String> grade = Grade.parse(gradeText);
            if (grade.isEmpty()) {
                violations.add(new RuleViolation("grade", "must be one of " + Grade.KNOWN));
                return null;
            }
            if (!policy.passingGrades().contains(grade.get())) {
                violations.add(new RuleViolation("grade", "must be C or better (one of " + passingGradesInOrder(policy)
                        + "); " + grade.get() + " does not count"));
                return null;
            }
            return grade.get();
        }
        if (unit == Unit.COLLEGE_CREDIT_HOUR && category != null) {
            violations.add(new RuleViolation("unit", "COLLEGE_CREDIT_HOUR is accepted only for category COLLEGE_COURSE"));
        }
        if (gradeGiven && category != null) {
            violations.add(new RuleViolation("grade", "only a college course (category COLLEGE_COURSE) has a grade"));
        }
        return null;
    }

    private static List<String> passingGradesInOrder(LedgerPolicy policy) {
        return Grade.KNOWN.stream().filter(policy.passingGrades()::contains).toList();
    }

    private static String text(String value, String field, int maxLength, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new RuleViolation(field, "is required"));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            violations.add(new RuleViolation(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (trimmed.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store NUL in text: refuse it here rather than fail at the insert (that was a 500)
            violations.add(new RuleViolation(field, "must not contain the NUL character (\\u0000)"));
            return null;
        }
        return trimmed;
    }

    private static <E extends Enum<E>> E known(String value, Class<E> type, String field,
                                               List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new RuleViolation(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new RuleViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate completionDate(String value, LocalDate today, List<RuleViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new RuleViolation("completedOn", "is required"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new RuleViolation("completedOn", "must be a date (YYYY-MM-DD)"));
            return null;
        }
        if (date.isAfter(today)) {
            violations.add(new RuleViolation("completedOn", "must not be in the future (today is " + today + ")"));
            return null;
        }
        return date;
    }
}
