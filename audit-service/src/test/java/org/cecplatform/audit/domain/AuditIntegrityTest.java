package org.cecplatform.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.domain.AuditLifecycleTest.ACSM_COUNTER;
import static org.cecplatform.audit.domain.AuditLifecycleTest.DOC;
import static org.cecplatform.audit.domain.AuditLifecycleTest.evidence;
import static org.cecplatform.audit.domain.AuditLifecycleTest.given;
import static org.cecplatform.audit.domain.AuditLifecycleTest.ny;
import static org.cecplatform.audit.domain.AuditLifecycleTest.openAudit;
import static org.cecplatform.audit.domain.AuditLifecycleTest.refusal;
import static org.cecplatform.audit.domain.AuditLifecycleTest.verified;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditItem;
import org.cecplatform.audit.domain.audit.AuditRuleException;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.LedgerCredit;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The audit's integrity rules, given / when / then. The audited renewal (see {@link AuditLifecycleTest#renewal()}) was
 * an early renewal on 2027-02-20 that counted the credits completed 2024-05-10..2027-02-20; CPT, 45 CECs required.
 */
class AuditIntegrityTest {

    static final java.time.Instant SUBMITTED_AT = ny("2027-03-10T09:00");
    static final java.time.Instant DECIDED_AT = ny("2027-03-15T09:00");

    static LedgerCredit unverified(String completedOn, String category, String cecs) {
        return new LedgerCredit(UUID.randomUUID(), LocalDate.parse(completedOn), category, new BigDecimal(cecs),
                "Self-reported workshop", "Regional Fitness Association", false, false);
    }

    static LedgerCredit voided(LedgerCredit credit) {
        return new LedgerCredit(credit.creditId(), credit.completedOn(), credit.category(), credit.cecs(),
                credit.title(), credit.provider(), credit.verified(), true);
    }

    /** An item naming a ledger credit, with nothing typed: the ledger's figures are taken. */
    static SubmittedItem naming(LedgerCredit credit, UUID... documents) {
        return new SubmittedItem(credit.creditId(), null, null, null, null, null, List.of(documents));
    }

    static SubmittedItem typed(String title, String completedOn, String category, String cecs) {
        return new SubmittedItem(null, title, "Some Provider", LocalDate.parse(completedOn), new BigDecimal(cecs),
                category, List.of(DOC));
    }

    static List<String> fields(AuditRuleException refused) {
        return refused.violations().stream().map(AuditRuleException.Violation::field).toList();
    }

    static String messages(AuditRuleException refused) {
        return String.join(" | ", refused.violations().stream().map(AuditRuleException.Violation::message).toList());
    }

    @Nested
    class LedgerItemsCarryTheLedgersFigures {

        @Test
        void givenAVerifiedCreditOf5_whenTheFormTypes45ForIt_thenTheItemIsRefusedNamingTheField() {
            LedgerCredit five = verified("2026-01-05", "5");
            Audit audit = given(openAudit(List.of(five)));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(new SubmittedItem(five.creditId(),
                    "ceOnline course", "ACSM", five.completedOn(), new BigDecimal("45"), "GENERAL", List.of())),
                    Set.of(), evidence(five), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].cecs");
            assertThat(messages(refused)).contains("the ledger's figure for this credit, 5 (sent 45)");
            assertThat(audit.changes()).isEmpty();
        }

        @Test
        void givenATypedDateOrCategoryThatDiffersFromTheLedger_whenSubmitted_thenEachIsRefused() {
            LedgerCredit credit = unverified("2026-01-05", "GENERAL", "10");
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(new SubmittedItem(credit.creditId(), null,
                    null, LocalDate.of(2026, 1, 6), null, "PUBLICATION", List.of(DOC))), Set.of(DOC),
                    evidence(credit), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].completedOn", "items[0].category");
        }

        @Test
        void givenItemsNamingLedgerCredits_whenSubmittedWithoutFigures_thenTheyCarryTheLedgersAndOnlyVerifiedOnesArePreAccepted() {
            LedgerCredit course = verified("2026-01-05", "12.5");
            LedgerCredit workshop = unverified("2025-09-01", "PRESENTATION", "6");
            Audit audit = given(openAudit(List.of(course)));

            audit.submit(List.of(naming(course), naming(workshop, DOC)), Set.of(DOC), evidence(course, workshop),
                    UUID::randomUUID, SUBMITTED_AT);

            AuditItem first = audit.state().items().get(0);
            assertThat(first.cecs()).isEqualByComparingTo("12.5");
            assertThat(first.completedOn()).isEqualTo(course.completedOn());
            assertThat(first.title()).isEqualTo("ceOnline course");
            assertThat(first.preAccepted()).isTrue();
            AuditItem second = audit.state().items().get(1);
            assertThat(second.category()).isEqualTo("PRESENTATION");
            assertThat(second.preAccepted()).isFalse();
            assertThat(second.accepted()).isNull();
        }

        @Test
        void givenAnUnverifiedLedgerCreditWithoutADocument_whenSubmitted_thenItNeedsProof() {
            LedgerCredit workshop = unverified("2025-09-01", "GENERAL", "6");
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(naming(workshop)), Set.of(DOC),
                    evidence(workshop), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].documentIds");
        }

        @Test
        void givenAVoidedCredit_whenListed_thenItIsRefused() {
            LedgerCredit credit = voided(verified("2026-01-05", "10"));
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(naming(credit)), Set.of(),
                    evidence(credit), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).contains("items[0].creditId");
            assertThat(messages(refused)).contains("was voided");
        }

        @Test
        void givenACreditListedTwice_whenSubmitted_thenTheSecondIsRefused() {
            LedgerCredit credit = verified("2026-01-05", "10");
            Audit audit = given(openAudit(List.of(credit)));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(naming(credit), naming(credit)),
                    Set.of(), evidence(credit), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[1].creditId");
        }

        @Test
        void givenACreditAcceptedInAnotherAudit_whenListedHere_thenItIsRefusedNamingThatAudit() {
            LedgerCredit credit = unverified("2026-01-05", "GENERAL", "10");
            UUID otherAudit = UUID.randomUUID();
            Evidence evidence = new Evidence(List.of(credit), Map.of(credit.creditId(), otherAudit), ACSM_COUNTER);
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(naming(credit, DOC)), Set.of(DOC),
                    evidence, UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].creditId");
            assertThat(messages(refused)).contains("already accepted in audit " + otherAudit);
        }

        @Test
        void givenACreditAcceptedInAnotherAuditAfterItWasListedHere_whenAccepted_thenTheDecisionIsRefused() {
            LedgerCredit credit = unverified("2026-01-05", "GENERAL", "45");
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(naming(credit, DOC)), Set.of(DOC), evidence(credit), UUID::randomUUID, SUBMITTED_AT);
            Audit stored = given(audit);
            Evidence meanwhile = new Evidence(List.of(credit), Map.of(credit.creditId(), UUID.randomUUID()),
                    ACSM_COUNTER);

            AuditRuleException refused = refusal(() -> stored.decide(DecisionOutcome.PASSED, null, null, meanwhile,
                    "auditor-1", DECIDED_AT));

            assertThat(messages(refused)).contains("was accepted in audit");
            assertThat(stored.status()).isEqualTo(AuditStatus.SUBMITTED);
        }
    }

    @Nested
    class APassNeedsTheRequirement {

        @Test
        void givenAcceptedItemsHolding5Of45_whenStaffRecordPassed_thenRequirementNotReachedSays5Of45() {
            LedgerCredit five = verified("2026-01-05", "5");
            Audit audit = given(openAudit(List.of(five)));
            audit.submit(List.of(naming(five)), Set.of(), evidence(five), UUID::randomUUID, SUBMITTED_AT);
            Audit stored = given(audit);

            AuditRuleException refused = refusal(() -> stored.decide(DecisionOutcome.PASSED, "looks fine", null,
                    evidence(five), "staff-1", DECIDED_AT));

            assertThat(refused.slug()).isEqualTo("requirement-not-reached");
            assertThat(refused.getMessage()).contains("5.0 of 45.0");
            assertThat(stored.status()).isEqualTo(AuditStatus.SUBMITTED);
            assertThat(stored.changes()).isEmpty();
        }

        @Test
        void givenTooFewAcceptedCecs_whenTheReviewerChoosesRemediationOrFailure_thenThatIsAccepted() {
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(typed("A", "2026-01-05", "GENERAL", "20"), typed("B", "2026-02-05", "GENERAL", "25")),
                    Set.of(DOC), evidence(), UUID::randomUUID, SUBMITTED_AT);
            Audit stored = given(audit);
            List<UUID> items = stored.state().items().stream().map(AuditItem::itemId).toList();

            stored.decide(DecisionOutcome.REMEDIATION, null, List.of(new ItemDecision(items.get(0), true, null),
                    new ItemDecision(items.get(1), false, "out of scope")), evidence(), "auditor-1", DECIDED_AT);

            assertThat(stored.status()).isEqualTo(AuditStatus.REMEDIATION);
            assertThat(stored.state().lastDecision().cecsAccepted()).isEqualByComparingTo("20");
        }

        @Test
        void givenCommitteeServiceOverTheYearlyCap_whenPassed_thenTheCapAppliesAndTheRequirementIsNotReached() {
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(typed("Committee", "2026-03-01", "COMMITTEE_SERVICE", "20"),
                    typed("Course", "2026-04-01", "GENERAL", "30")), Set.of(DOC), evidence(), UUID::randomUUID,
                    SUBMITTED_AT);
            Audit stored = given(audit);

            assertThat(stored.acceptedCecs(evidence())).as("nothing accepted before review").isEqualByComparingTo("0");
            AuditRuleException refused = refusal(() -> stored.decide(DecisionOutcome.PASSED, null, null, evidence(),
                    "auditor-1", DECIDED_AT));

            assertThat(refused.getMessage()).as("committee service counts at most 8 a year").contains("38.0 of 45.0");
        }

        @Test
        void givenAVerifiedCreditAlsoListedAsAnItem_whenCounted_thenItCountsOnce() {
            LedgerCredit course = verified("2026-01-05", "30");
            Audit audit = given(openAudit(List.of(course)));
            audit.submit(List.of(naming(course), typed("Workshop", "2026-05-01", "GENERAL", "15")), Set.of(DOC),
                    evidence(course), UUID::randomUUID, SUBMITTED_AT);
            Audit stored = given(audit);

            assertThat(stored.acceptedCecs(evidence(course))).isEqualByComparingTo("30");
            stored.decide(DecisionOutcome.PASSED, null, null, evidence(course), "auditor-1", DECIDED_AT);

            assertThat(stored.status()).isEqualTo(AuditStatus.PASSED);
            assertThat(stored.state().lastDecision().cecsAccepted()).isEqualByComparingTo("45");
        }

        @Test
        void givenCommitteeServiceOfTheEarlierCycleInTheSameYear_whenCounted_thenItUsedUpThatYearsCap() {
            // the audited cycle started on 2024-05-10: what counted toward the cycle before in 2024 uses up 2024's cap
            LedgerCredit before = unverified("2024-03-01", "COMMITTEE_SERVICE", "8");
            LedgerCredit inWindow = verified("2024-09-01", "40");
            LedgerCredit committee = new LedgerCredit(UUID.randomUUID(), LocalDate.of(2024, 10, 1),
                    "COMMITTEE_SERVICE", new BigDecimal("8"), "Committee", "ACSM", true, false);

            Audit audit = openAudit(List.of(before, inWindow, committee));

            assertThat(audit.verifiedCecs(evidence(before, inWindow, committee))).isEqualByComparingTo("40");
            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);
        }
    }

    @Nested
    class ProofFromTheAuditedCycle {

        @Test
        void givenProofCompletedIn2019_whenSubmittedForACycleThatBeganIn2024_thenItIsRefusedWithTheWindow() {
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(typed("Old", "2019-06-01", "GENERAL",
                    "45")), Set.of(DOC), evidence(), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].completedOn");
            assertThat(messages(refused)).contains("outside the audited cycle's window 2024-05-10 to 2027-02-20");
        }

        @Test
        void givenACourseCompletedAfterTheEarlyRenewal_whenListedInTheFirstRound_thenItIsRefused() {
            LedgerCredit after = verified("2027-02-25", "45");
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(naming(after)), Set.of(),
                    evidence(after), UUID::randomUUID, SUBMITTED_AT));

            assertThat(fields(refused)).containsExactly("items[0].completedOn");
        }

        @Test
        void givenAVerifiedCourseCompletedAfterTheEarlyRenewal_whenItArrives_thenItDoesNotPassTheAudit() {
            Audit audit = given(openAudit(List.of()));

            audit.creditsChanged(evidence(verified("2027-02-21", "45")), ny("2027-03-02T10:00"));

            assertThat(audit.status()).as("it counts toward the new cycle, not the audited one")
                    .isEqualTo(AuditStatus.OPEN);
        }

        @Test
        void givenRemediation_whenReplacementCecsDatedAfterTheWindowAreAccepted_thenTheyCountAndAreReported() {
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(typed("A", "2026-01-05", "GENERAL", "30"), typed("B", "2026-02-05", "GENERAL", "15")),
                    Set.of(DOC), evidence(), UUID::randomUUID, SUBMITTED_AT);
            Audit reviewed = given(audit);
            List<UUID> items = reviewed.state().items().stream().map(AuditItem::itemId).toList();
            reviewed.decide(DecisionOutcome.REMEDIATION, null, List.of(new ItemDecision(items.get(0), true, null),
                    new ItemDecision(items.get(1), false, "no certificate")), evidence(), "auditor-1", DECIDED_AT);
            Audit remediating = given(reviewed);
            LedgerCredit replacement = unverified("2027-04-10", "GENERAL", "15");

            remediating.submit(List.of(naming(replacement, DOC)), Set.of(DOC), evidence(replacement),
                    UUID::randomUUID, ny("2027-04-20T09:00"));
            Audit again = given(remediating);
            again.decide(DecisionOutcome.PASSED, null, null, evidence(replacement), "auditor-1",
                    ny("2027-04-25T09:00"));

            assertThat(again.status()).isEqualTo(AuditStatus.PASSED);
            assertThat(again.state().lastDecision().cecsAccepted()).isEqualByComparingTo("45");
            assertThat(again.state().lastDecision().replacementCreditIds()).containsExactly(replacement.creditId());
        }

        @Test
        void givenALaterRenewalThatCountedUpToADay_whenAReplacementIsDatedUpToIt_thenItIsRefusedAndNotCounted() {
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(typed("A", "2026-01-05", "GENERAL", "45")), Set.of(DOC), evidence(),
                    UUID::randomUUID, SUBMITTED_AT);
            Audit reviewed = given(audit);
            reviewed.decide(DecisionOutcome.REMEDIATION, null, List.of(new ItemDecision(
                    reviewed.state().items().get(0).itemId(), false, "no certificate")), evidence(), "auditor-1",
                    DECIDED_AT);
            Audit remediating = given(reviewed);
            LedgerCredit counted = verified("2027-04-01", "45"); // a later renewal counted up to 2027-04-02
            Evidence later = new Evidence(List.of(counted), Map.of(), ACSM_COUNTER, LocalDate.of(2027, 4, 2));

            AuditRuleException refused = refusal(() -> remediating.submit(List.of(naming(counted)), Set.of(),
                    later, UUID::randomUUID, ny("2027-04-20T09:00")));
            remediating.creditsChanged(later, ny("2027-04-20T09:00"));

            assertThat(messages(refused)).contains("counted toward a later renewal");
            assertThat(remediating.status()).as("the verified credit does not cure it either")
                    .isEqualTo(AuditStatus.REMEDIATION);
        }

        @Test
        void givenRemediation_whenAReplacementIsDatedBeforeTheWindow_thenItIsStillRefused() {
            Audit audit = given(openAudit(List.of()));
            audit.submit(List.of(typed("A", "2026-01-05", "GENERAL", "45")), Set.of(DOC), evidence(),
                    UUID::randomUUID, SUBMITTED_AT);
            Audit reviewed = given(audit);
            reviewed.decide(DecisionOutcome.REMEDIATION, null, List.of(new ItemDecision(
                    reviewed.state().items().get(0).itemId(), false, "no certificate")), evidence(), "auditor-1",
                    DECIDED_AT);
            Audit remediating = given(reviewed);

            AuditRuleException refused = refusal(() -> remediating.submit(List.of(typed("Old", "2023-01-01",
                    "GENERAL", "45")), Set.of(DOC), evidence(), UUID::randomUUID, ny("2027-04-20T09:00")));

            assertThat(fields(refused)).containsExactly("items[0].completedOn");
        }
    }
}
