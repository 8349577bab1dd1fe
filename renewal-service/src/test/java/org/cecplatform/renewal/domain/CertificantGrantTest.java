package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.newYork;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CertificantGrantTest {

    private final Certificant person = Forms.person();

    @Test
    void givenNoDate_whenStaffGrantAt2330NewYorkOn31December_thenTheCertificationIsOf31DecemberNot1January() {
        Instant at = newYork("2024-12-31T23:30"); // 2025-01-01T04:30Z
        Certification granted = person.grant(UUID.randomUUID(), "CPT", null, Acsm.POLICY.dateOf(at), "staff-1", at);

        assertThat(granted.certifiedOn()).isEqualTo(date("2024-12-31"));
        assertThat(granted.cycle().start()).isEqualTo(date("2024-12-31"));
        assertThat(granted.cycle().end()).isEqualTo(date("2027-12-31"));
        assertThat(person.changes()).singleElement().isEqualTo(new CertificationEvent.Granted(granted.id(),
                person.id(), "CPT", date("2024-12-31"), date("2024-12-31"), date("2027-12-31"), "staff-1", at));
    }

    @Test
    void givenCertifiedOn29February_whenGranted_thenTheFirstCycleRunsTo31December2027() {
        Certification granted = Forms.grant(person, "GEI", "2024-02-29");

        assertThat(granted.cycle()).isEqualTo(new Cycle(1, date("2024-02-29"), date("2027-12-31"),
                date("2024-02-29"), CycleOrigin.GRANT, null, null, null));
        assertThat(granted.recordedStatus()).isEqualTo(CertificationStatus.ACTIVE);
    }

    @Test
    void givenCertifiedOn1January_whenGranted_thenTheFirstCycleIsAlmostFourYears() {
        Certification granted = Forms.grant(person, "CPT", "2024-01-01");

        assertThat(granted.cycle().end()).isEqualTo(date("2027-12-31"));
    }

    @Test
    void givenACredentialHeld_whenGrantedAgain_thenItConflicts() {
        Forms.grant(person, "CPT", "2024-05-10");

        assertThatThrownBy(() -> person.grant(UUID.randomUUID(), "cpt", null, date("2025-01-10"), "staff-1",
                noon("2025-01-10")))
                .isInstanceOf(CertificationConflictException.class)
                .hasMessageContaining("already holds CPT");
    }

    @Test
    void givenSeveralCredentials_whenGranted_thenThePersonHoldsThemAll() {
        Forms.grant(person, "CPT", "2024-05-10");
        Forms.grant(person, "GEI", "2024-06-10");
        Forms.grant(person, "CET", "2025-02-01");

        assertThat(person.certifications()).extracting(Certification::credential).containsExactly("CPT", "GEI", "CET");
    }

    @Test
    void givenACertificationThatExpired_whenTheCredentialIsGrantedAgainAfterANewExam_thenANewCertificationStarts() {
        Certification old = Forms.grant(person, "CPT", "2020-05-10"); // ended 2023, reachable until 2026-12-31

        Certification again = person.grant(UUID.randomUUID(), "CPT", date("2027-02-01"), date("2027-02-01"),
                "staff-1", noon("2027-02-01"));

        assertThat(old.recordedStatus()).isEqualTo(CertificationStatus.EXPIRED);
        assertThat(again.id()).isNotEqualTo(old.id());
        assertThat(again.cycle().end()).isEqualTo(date("2030-12-31"));
        assertThat(person.held("CPT", date("2027-02-01"))).contains(again);
    }

    @Test
    void givenARevokedCertification_whenTheCredentialIsGrantedAgain_thenItIsAccepted() {
        Certification old = Forms.grant(person, "CPT", "2024-05-10");
        person.auditFailed(UUID.randomUUID(), null, java.util.List.of("CPT"), "decided", date("2025-03-01"),
                noon("2025-03-01"));

        Certification again = Forms.grant(person, "CPT", "2025-04-01");

        assertThat(old.recordedStatus()).isEqualTo(CertificationStatus.REVOKED);
        assertThat(again.recordedStatus()).isEqualTo(CertificationStatus.ACTIVE);
    }

    @Test
    void givenAnUnknownCredentialAndAFutureDate_whenGranted_thenBothAreReportedAndNothingChanges() {
        assertThatThrownBy(() -> person.grant(UUID.randomUUID(), "XYZ", date("2025-01-02"), date("2025-01-01"),
                "staff-1", noon("2025-01-01")))
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(RequirementsUnmetException::violations)
                .satisfies(v -> assertThat(v).extracting(Violation::field).containsExactly("credential",
                        "certifiedOn"));
        assertThat(person.certifications()).isEmpty();
        assertThat(person.changes()).isEmpty();
    }

    @Test
    void givenAPastDateWhoseCycleIsInGrace_whenGranted_thenTheStatusChangeIsRecordedWithTheDayItTookEffect() {
        Certification granted = person.grant(UUID.randomUUID(), "CPT", date("2023-03-01"), date("2027-02-01"),
                "staff-1", noon("2027-02-01"));

        assertThat(granted.cycle().end()).isEqualTo(date("2026-12-31"));
        assertThat(granted.recordedStatus()).isEqualTo(CertificationStatus.GRACE);
        assertThat(person.changes()).hasSize(2).last().isEqualTo(new CertificationEvent.StatusChanged(granted.id(),
                person.id(), "CPT", CertificationStatus.ACTIVE, CertificationStatus.GRACE,
                "the cycle ended on 2026-12-31; grace period (late renewal) until 2027-06-30", date("2027-01-01"),
                noon("2027-02-01"), null));
    }

    @Test
    void givenADateSoOldTheCertificationWouldBeOutOfReach_whenGranted_thenItIsRefused() {
        assertThatThrownBy(() -> person.grant(UUID.randomUUID(), "CPT", date("2015-03-01"), date("2025-02-01"),
                "staff-1", noon("2025-02-01")))
                .isInstanceOf(RequirementsUnmetException.class)
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(e -> e.violations().get(0).message()).asString().contains("would already be expired");
    }
}
