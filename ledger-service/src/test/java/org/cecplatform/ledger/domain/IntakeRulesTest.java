package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cecplatform.platform.api.CertificantIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private final IntakeRules rules = new IntakeRules(LedgerPolicy.acsm(), CertificantIds::isValid, CertificantIds.RULE);

    @Nested
    class CourseCompletions {

        private IntakeCredit completion(String cecs, String completedAt) {
            return rules.courseCompletion("c-1", "cert-1", "course-9", "Resistance training basics",
                    cecs == null ? null : new BigDecimal(cecs), completedAt, TODAY);
        }

        @Test
        void givenAValidCompletionWhenReadThenItIsAVerifiedCeOnlineGeneralCreditInCecs() {
            IntakeCredit credit = completion("2.5", "2027-02-01");

            assertThat(credit.source()).isEqualTo(Source.CE_ONLINE);
            assertThat(credit.source().verified()).isTrue();
            assertThat(credit.certificantId()).isEqualTo("cert-1");
            assertThat(credit.externalRef()).isEqualTo("c-1");
            CreditDetails d = credit.details();
            assertThat(d.category()).isEqualTo(Category.GENERAL);
            assertThat(d.provider()).isEqualTo("ACSM ceOnline");
            assertThat(d.providerKind()).isEqualTo(ProviderKind.ACSM_APPROVED_PROVIDER);
            assertThat(d.unit()).isEqualTo(Unit.CEC);
            assertThat(d.amount()).isEqualByComparingTo("2.5");
            assertThat(d.cecs()).isEqualByComparingTo("2.5");
            assertThat(d.title()).isEqualTo("Resistance training basics");
            assertThat(d.completedOn()).isEqualTo(LocalDate.of(2027, 2, 1));
        }

        @Test
        void givenTheSameCompletionIdWhenReadTwiceThenTheCreditIdIsTheSame() {
            assertThat(completion("1", "2027-02-01").creditId()).isEqualTo(completion("1", "2027-02-01").creditId())
                    .isEqualTo(IntakeCredit.creditIdFor("lms", "c-1"));
        }

        @Test
        void givenADateTimeLateInTheEveningInNewYorkWhenReadThenTheDateIsNewYorks() {
            // 02:30 UTC on 1 Feb is still 31 Jan in New York.
            assertThat(completion("1", "2027-02-01T02:30:00Z").details().completedOn())
                    .isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(completion("1", "2027-02-01T02:30:00-05:00").details().completedOn())
                    .isEqualTo(LocalDate.of(2027, 2, 1));
        }

        @Test
        void givenTheSameContentSpelledDifferentlyWhenHashedThenTheFingerprintIsTheSame() {
            assertThat(completion("1.50", "2027-02-01").contentHash())
                    .isEqualTo(completion("1.5", "2027-02-01T15:00:00Z").contentHash());
        }

        @Test
        void givenDifferentContentUnderOneIdWhenHashedThenTheFingerprintDiffers() {
            assertThat(completion("1.5", "2027-02-01").contentHash())
                    .isNotEqualTo(completion("2", "2027-02-01").contentHash())
                    .isNotEqualTo(completion("1.5", "2027-02-02").contentHash());
        }

        @Test
        void givenACompletionMissingEverythingWhenReadThenEveryMissingFieldIsAReason() {
            assertThatThrownBy(() -> rules.courseCompletion(null, " ", null, null, null, null, TODAY))
                    .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.reasons())
                            .containsExactly("completionId is required", "memberId is required",
                                    "courseTitle is required", "cecs is required", "completedAt is required"));
        }

        @ParameterizedTest(name = "given {0} CECs, then rejected")
        @ValueSource(strings = {"0", "-1", "100.5", "1000"})
        void givenCecsOutOfRangeWhenReadThenRejected(String cecs) {
            assertThatThrownBy(() -> completion(cecs, "2027-02-01"))
                    .isInstanceOf(IntakeRejectedException.class).hasMessageStartingWith("cecs must be");
        }

        @Test
        void givenExactlyOneHundredCecsWhenReadThenAccepted() {
            assertThat(completion("100", "2027-02-01").details().cecs()).isEqualByComparingTo("100");
        }

        @ParameterizedTest(name = "given completedAt {0}, then rejected")
        @ValueSource(strings = {"yesterday", "2027-02-30", "01/02/2027", "2027-02-01T25:00:00Z"})
        void givenAnUnreadableDateWhenReadThenRejected(String completedAt) {
            assertThatThrownBy(() -> completion("1", completedAt))
                    .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("is not an ISO date");
        }

        @Test
        void givenACompletionAfterTodayInThePolicyZoneWhenReadThenRejectedAsFuture() {
            assertThatThrownBy(() -> completion("1", "2027-03-02"))
                    .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("is in the future");
            // 03:00 UTC on 2 March is still 1 March (today) in New York: accepted.
            assertThat(completion("1", "2027-03-02T03:00:00Z").details().completedOn()).isEqualTo(TODAY);
        }
    }

    @Nested
    class MeetingAttendances {

        private IntakeCredit attendance(String meeting, String sessionCode) {
            return rules.meetingAttendance("a-1", "cert-2", meeting, sessionCode, "Exercise is Medicine",
                    new BigDecimal("1.5"), "2026-06-02", TODAY);
        }

        @ParameterizedTest(name = "given {0}, then source {0} from {1}")
        @CsvSource({"ANNUAL_MEETING, ACSM Annual Meeting", "HEALTH_FITNESS_SUMMIT, ACSM Health & Fitness Summit",
                "WEBINAR, ACSM Webinar"})
        void givenAnAttendanceWhenReadThenTheSourceIsTheMeetingAndItIsVerified(String meeting, String provider) {
            IntakeCredit credit = attendance(meeting, "S-101");
            assertThat(credit.source()).isEqualTo(Source.valueOf(meeting));
            assertThat(credit.source().verified()).isTrue();
            assertThat(credit.details().provider()).isEqualTo(provider);
            assertThat(credit.details().providerKind()).isEqualTo(ProviderKind.SPONSORING_ORGANIZATION);
            assertThat(credit.details().category()).isEqualTo(Category.GENERAL);
            assertThat(credit.details().cecs()).isEqualByComparingTo("1.5");
            assertThat(credit.details().title()).isEqualTo("Exercise is Medicine (S-101)");
            assertThat(credit.externalRef()).isEqualTo("a-1");
            assertThat(credit.creditId()).isEqualTo(IntakeCredit.creditIdFor("meetings", "a-1"));
        }

        @Test
        void givenNoSessionCodeWhenReadThenTheTitleIsTheSessionTitle() {
            assertThat(attendance("WEBINAR", null).details().title()).isEqualTo("Exercise is Medicine");
        }

        @Test
        void givenAnUnknownMeetingWhenReadThenRejectedNamingTheKnownOnes() {
            assertThatThrownBy(() -> attendance("TOWN_HALL", "S-1"))
                    .isInstanceOf(IntakeRejectedException.class)
                    .hasMessageContaining("unknown meeting 'TOWN_HALL'")
                    .hasMessageContaining("ANNUAL_MEETING");
        }

        @Test
        void givenAnAttendanceMissingFieldsWhenReadThenEveryReasonIsGiven() {
            assertThatThrownBy(() -> rules.meetingAttendance("a-1", null, null, null, "", new BigDecimal("0"),
                    "2099-01-01", TODAY))
                    .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.reasons())
                            .hasSize(5)
                            .anySatisfy(r -> assertThat(r).isEqualTo("memberId is required"))
                            .anySatisfy(r -> assertThat(r).isEqualTo("meeting is required"))
                            .anySatisfy(r -> assertThat(r).isEqualTo("title is required"))
                            .anySatisfy(r -> assertThat(r).startsWith("cecs must be more than 0"))
                            .anySatisfy(r -> assertThat(r).contains("is in the future")));
        }

        @Test
        void givenTheSameIdFromTheLmsAndAMeetingWhenReadThenTheyAreDifferentCredits() {
            assertThat(IntakeCredit.creditIdFor("lms", "x-1")).isNotEqualTo(IntakeCredit.creditIdFor("meetings", "x-1"));
        }
    }

    @Nested
    class MemberIds {

        @ParameterizedTest
        @ValueSource(strings = {"bad id", " cert-1", "cert-1 ", ".cert", "cert/1", "cert-1\n", "é"})
        void givenAMemberIdThatIsNoCertificantIdWhenReadThenRejectedWithTheReasonFromEitherSystem(String memberId) {
            assertThatThrownBy(() -> rules.courseCompletion("c-1", memberId, "course-9", "Course",
                    BigDecimal.ONE, "2027-02-01", TODAY))
                    .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.reasons())
                            .containsExactly("memberId is not a certificant id: it " + CertificantIds.RULE));
            assertThatThrownBy(() -> rules.meetingAttendance("a-1", memberId, "WEBINAR", "W1", "Webinar",
                    BigDecimal.ONE, "2027-02-01", TODAY))
                    .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.reasons())
                            .containsExactly("memberId is not a certificant id: it " + CertificantIds.RULE));
        }

        @Test
        void givenA64CharacterMemberIdWhenReadThenItIsTheCertificantAnd65IsRejected() {
            String sixtyFour = "C" + "x".repeat(63);
            assertThat(rules.courseCompletion("c-1", sixtyFour, "course-9", "Course", BigDecimal.ONE, "2027-02-01",
                    TODAY).certificantId()).isEqualTo(sixtyFour);
            assertThatThrownBy(() -> rules.courseCompletion("c-1", sixtyFour + "x", "course-9", "Course",
                    BigDecimal.ONE, "2027-02-01", TODAY)).isInstanceOf(IntakeRejectedException.class);
        }
    }
}
