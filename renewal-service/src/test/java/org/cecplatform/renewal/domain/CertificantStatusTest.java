package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.noon;
import static org.cecplatform.renewal.domain.CertificationStatus.ACTIVE;
import static org.cecplatform.renewal.domain.CertificationStatus.EXPIRED;
import static org.cecplatform.renewal.domain.CertificationStatus.GRACE;
import static org.cecplatform.renewal.domain.CertificationStatus.INACTIVE;
import static org.cecplatform.renewal.domain.CertificationStatus.LAPSED;
import static org.cecplatform.renewal.domain.CertificationStatus.REVOKED;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CertificantStatusTest {

    private final Certificant person = Forms.person();
    private final Certification cpt = Forms.grant(person, "CPT", "2024-05-10"); // cycle ends 2027-12-31

    private List<CertificationEvent.StatusChanged> statusChanges() {
        return person.changes().stream().filter(CertificationEvent.StatusChanged.class::isInstance)
                .map(CertificationEvent.StatusChanged.class::cast).toList();
    }

    private void settle(String today) {
        person.settle(date(today), noon(today));
    }

    @Test
    void givenAnActiveCertification_whenSettledOnTheLastDayOfTheCycle_thenNothingChanges() {
        settle("2027-12-31");

        assertThat(statusChanges()).isEmpty();
        assertThat(cpt.recordedStatus()).isEqualTo(ACTIVE);
    }

    @Test
    void givenTheCycleEnded_whenSettledOn1January_thenItIsInGraceOnceEvenIfSettledAgain() {
        settle("2028-01-01");
        settle("2028-01-01");
        settle("2028-03-01");

        assertThat(statusChanges()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(ACTIVE);
            assertThat(change.to()).isEqualTo(GRACE);
            assertThat(change.effectiveOn()).isEqualTo(date("2028-01-01"));
        });
        assertThat(person.nextStatusChangeOn(cpt)).isEqualTo(date("2028-07-01"));
    }

    @Test
    void givenGrace_whenSettledOn1July_thenLapsedAndOn1January2031_thenExpired() {
        settle("2028-07-01");
        assertThat(cpt.recordedStatus()).isEqualTo(LAPSED);
        settle("2030-12-31");
        assertThat(cpt.recordedStatus()).isEqualTo(LAPSED);
        settle("2031-01-01");

        assertThat(statusChanges()).extracting(CertificationEvent.StatusChanged::to).containsExactly(GRACE, LAPSED,
                EXPIRED);
        assertThat(cpt.recordedStatus()).isEqualTo(EXPIRED);
        assertThat(person.nextStatusChangeOn(cpt)).isNull();
        assertThat(person.held("CPT", date("2031-01-01"))).isEmpty();
    }

    @Test
    void givenAJobThatDidNotRunForYears_whenSettled_thenEveryStepIsRecordedWithItsOwnDate() {
        settle("2031-05-05");

        assertThat(statusChanges()).extracting(CertificationEvent.StatusChanged::effectiveOn)
                .containsExactly(date("2028-01-01"), date("2028-07-01"), date("2031-01-01"));
    }

    @Test
    void givenAnOverdueAudit_whenTheCalendarMovesOn_thenTheCertificationStaysInactiveUntilCured() {
        UUID audit = UUID.randomUUID();
        person.auditOverdue(audit, null, List.of("CPT"), date("2027-11-01"), noon("2027-11-01"));
        assertThat(cpt.recordedStatus()).isEqualTo(INACTIVE);
        assertThat(cpt.eligibility(date("2027-11-01"), Acsm.RULES.calendar()).renewable()).isFalse();

        settle("2028-08-01");
        assertThat(cpt.recordedStatus()).as("INACTIVE whatever the calendar does").isEqualTo(INACTIVE);
        assertThat(person.nextStatusChangeOn(cpt)).isNull();

        person.auditCured(audit, null, List.of("CPT"), date("2028-08-01"), noon("2028-08-01"));

        assertThat(cpt.recordedStatus()).as("then the calendar's status applies").isEqualTo(LAPSED);
        assertThat(cpt.inactiveAuditId()).isNull();
        assertThat(statusChanges()).extracting(c -> c.from() + "->" + c.to())
                .containsExactly("ACTIVE->INACTIVE", "INACTIVE->LAPSED");
    }

    @Test
    void givenAnInactiveCertification_whenACureForAnotherAuditArrives_thenItStaysInactive() {
        UUID audit = UUID.randomUUID();
        person.auditOverdue(audit, null, List.of("CPT"), date("2025-11-01"), noon("2025-11-01"));

        person.auditCured(UUID.randomUUID(), null, List.of("CPT"), date("2025-12-01"), noon("2025-12-01"));

        assertThat(cpt.recordedStatus()).isEqualTo(INACTIVE);
    }

    @Test
    void givenAnAuditNamingTheRenewalsCertifications_whenOverdue_thenOnlyThoseBecomeInactive() {
        Certification gei = Forms.grant(person, "GEI", "2024-06-01");

        person.auditOverdue(UUID.randomUUID(), Set.of(gei.id()), List.of("CPT", "GEI"), date("2025-01-10"),
                noon("2025-01-10"));

        assertThat(gei.recordedStatus()).isEqualTo(INACTIVE);
        assertThat(cpt.recordedStatus()).isEqualTo(ACTIVE);
    }

    @Test
    void givenAFailedAudit_thenTheCertificationIsRevokedForGoodAndNothingElseMovesIt() {
        UUID audit = UUID.randomUUID();
        person.auditOverdue(audit, null, List.of("CPT"), date("2025-02-01"), noon("2025-02-01"));
        person.auditFailed(audit, null, List.of("CPT"), "not cured within a year", date("2026-02-01"),
                noon("2026-02-01"));
        person.auditFailed(audit, null, List.of("CPT"), "decided", date("2026-02-02"), noon("2026-02-02"));
        person.auditCured(audit, null, List.of("CPT"), date("2026-02-03"), noon("2026-02-03"));
        settle("2031-06-01");

        assertThat(cpt.recordedStatus()).isEqualTo(REVOKED);
        assertThat(statusChanges()).extracting(c -> c.from() + "->" + c.to())
                .containsExactly("ACTIVE->INACTIVE", "INACTIVE->REVOKED");
        assertThat(statusChanges().get(1).reason()).contains("not cured within a year");
        assertThat(cpt.eligibility(date("2027-03-01"), Acsm.RULES.calendar()).reasons())
                .containsExactly("revoked after a failed audit: only a new certification exam restores it");
        assertThatThrownBy(() -> person.quote(List.of("CPT"), date("2027-03-01")))
                .isInstanceOf(RequirementsUnmetException.class).hasMessageContaining("cannot be renewed");
    }

    @Test
    void givenAnAuditForACredentialNotHeld_thenNothingHappens() {
        person.auditOverdue(UUID.randomUUID(), null, List.of("GEI"), date("2025-02-01"), noon("2025-02-01"));

        assertThat(statusChanges()).isEmpty();
    }
}
