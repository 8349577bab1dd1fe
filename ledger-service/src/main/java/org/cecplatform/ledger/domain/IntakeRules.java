package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns what the LMS and the meeting systems post into verified credits, or rejects the message with every reason:
 * ids present, the member a certificant id (the platform's rule, handed in: the domain knows no framework), a title,
 * CECs above 0 and at most the largest credit, a readable date not after today (in the policy zone), and, for
 * attendance, a known meeting. The largest credit is that of the policy version in force on the day the credit is
 * recorded.
 */
public final class IntakeRules {

    /** The LMS, as a credit's provider. */
    public static final String CE_ONLINE_PROVIDER = "ACSM ceOnline";
    static final String LMS_SYSTEM = "lms";
    static final String MEETINGS_SYSTEM = "meetings";
    static final int ID_MAX_LENGTH = 200;

    private final LedgerPolicyHistory policies;
    private final Predicate<String> isCertificantId;
    private final String certificantIdRule;

    /**
     * @param isCertificantId   the certificant-id rule ({@code CertificantIds::isValid} of the platform)
     * @param certificantIdRule what a dead letter says when a member id breaks it
     */
    public IntakeRules(LedgerPolicyHistory policies, Predicate<String> isCertificantId, String certificantIdRule) {
        this.policies = policies;
        this.isCertificantId = isCertificantId;
        this.certificantIdRule = certificantIdRule;
    }

    /** The same policy on every day. */
    public IntakeRules(LedgerPolicy policy, Predicate<String> isCertificantId, String certificantIdRule) {
        this(LedgerPolicyHistory.always(policy), isCertificantId, certificantIdRule);
    }

    /** A ceOnline course completion: a verified GENERAL credit in CECs from ACSM ceOnline. */
    public IntakeCredit courseCompletion(String completionId, String memberId, String courseId, String courseTitle,
                                         BigDecimal cecs, String completedAt, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        String id = required(completionId, "completionId", reasons);
        String member = member(memberId, reasons);
        String title = title(courseTitle, "courseTitle", reasons);
        checkCecs(cecs, policies.on(today), reasons);
        LocalDate completedOn = date(completedAt, "completedAt", today, reasons);
        if (!reasons.isEmpty()) {
            throw new IntakeRejectedException(reasons);
        }
        CreditDetails details = new CreditDetails(title, CE_ONLINE_PROVIDER, ProviderKind.ACSM_APPROVED_PROVIDER,
                Category.GENERAL, completedOn, cecs, Unit.CEC, cecs, null);
        return new IntakeCredit(IntakeCredit.creditIdFor(LMS_SYSTEM, id), member, Source.CE_ONLINE, id, details);
    }

    /** Attendance at an ACSM meeting, summit or webinar: a verified GENERAL credit whose source is the meeting. */
    public IntakeCredit meetingAttendance(String attendanceId, String memberId, String meeting, String sessionCode,
                                          String sessionTitle, BigDecimal cecs, String attendedOn, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        String id = required(attendanceId, "attendanceId", reasons);
        String member = member(memberId, reasons);
        Optional<Meeting> kind = Meeting.parse(meeting);
        if (meeting == null || meeting.isBlank()) {
            reasons.add("meeting is required");
        } else if (kind.isEmpty()) {
            reasons.add("unknown meeting '" + meeting + "' (expected one of " + List.of(Meeting.values()) + ")");
        }
        String title = title(sessionTitle, "title", reasons);
        checkCecs(cecs, policies.on(today), reasons);
        LocalDate attended = date(attendedOn, "attendedOn", today, reasons);
        if (!reasons.isEmpty()) {
            throw new IntakeRejectedException(reasons);
        }
        String fullTitle = sessionCode == null || sessionCode.isBlank() ? title : title + " (" + sessionCode.strip() + ")";
        if (fullTitle.length() > CreditRules.TITLE_MAX_LENGTH) {
            fullTitle = title;
        }
        CreditDetails details = new CreditDetails(fullTitle, kind.get().provider(),
                ProviderKind.SPONSORING_ORGANIZATION, Category.GENERAL, attended, cecs, Unit.CEC, cecs, null);
        return new IntakeCredit(IntakeCredit.creditIdFor(MEETINGS_SYSTEM, id), member, kind.get().source(), id,
                details);
    }

    /** The meetings whose attendance systems post credits, with the source and provider they stand for. */
    public enum Meeting {
        ANNUAL_MEETING(Source.ANNUAL_MEETING, "ACSM Annual Meeting"),
        HEALTH_FITNESS_SUMMIT(Source.HEALTH_FITNESS_SUMMIT, "ACSM Health & Fitness Summit"),
        WEBINAR(Source.WEBINAR, "ACSM Webinar");

        private final Source source;
        private final String provider;

        Meeting(Source source, String provider) {
            this.source = source;
            this.provider = provider;
        }

        public Source source() {
            return source;
        }

        public String provider() {
            return provider;
        }

        static Optional<Meeting> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            for (Meeting meeting : values()) {
                if (meeting.name().equals(text.strip())) {
                    return Optional.of(meeting);
                }
            }
            return Optional.empty();
        }
    }

    private static void checkCecs(BigDecimal cecs, LedgerPolicy policy, List<String> reasons) {
        if (cecs == null) {
            reasons.add("cecs is required");
        } else if (cecs.signum() <= 0) {
            reasons.add("cecs must be more than 0 (was " + cecs.toPlainString() + ")");
        } else if (cecs.compareTo(policy.maxCecsPerCredit()) > 0) {
            reasons.add("cecs must be at most " + policy.maxCecsPerCredit().stripTrailingZeros().toPlainString()
                    + " (was " + cecs.toPlainString() + ")");
        }
    }

    private LocalDate date(String text, String field, LocalDate today, List<String> reasons) {
        if (text == null || text.isBlank()) {
            reasons.add(field + " is required");
            return null;
        }
        Optional<LocalDate> date = IsoDates.toDate(text, policies.zone());
        if (date.isEmpty()) {
            reasons.add(field + " '" + text + "' is not an ISO date or date-time");
            return null;
        }
        if (date.get().isAfter(today)) {
            reasons.add(field + " " + date.get() + " is in the future (today is " + today + " in " + policies.zone()
                    + ")");
            return null;
        }
        return date.get();
    }

    /** The member is a certificant id exactly as sent (no surrounding spaces stripped: an id is matched, not read). */
    private String member(String value, List<String> reasons) {
        if (value == null || value.isBlank()) {
            reasons.add("memberId is required");
            return null;
        }
        if (!isCertificantId.test(value)) {
            reasons.add("memberId is not a certificant id: it " + certificantIdRule);
            return null;
        }
        return value;
    }

    private static String required(String value, String field, List<String> reasons) {
        if (value == null || value.isBlank()) {
            reasons.add(field + " is required");
            return null;
        }
        if (value.strip().length() > ID_MAX_LENGTH) {
            reasons.add(field + " must be at most " + ID_MAX_LENGTH + " characters");
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            reasons.add(field + " must not contain the NUL character (\\u0000)"); // PostgreSQL cannot store it in text
            return null;
        }
        return value.strip();
    }

    private static String title(String value, String field, List<String> reasons) {
        if (value == null || value.isBlank()) {
            reasons.add(field + " is required");
            return null;
        }
        if (value.strip().length() > CreditRules.TITLE_MAX_LENGTH) {
            reasons.add(field + " must be at most " + CreditRules.TITLE_MAX_LENGTH + " characters");
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            reasons.add(field + " must not contain the NUL character (\\u0000)"); // PostgreSQL cannot store it in text
            return null;
        }
        return value.strip();
    }
}
