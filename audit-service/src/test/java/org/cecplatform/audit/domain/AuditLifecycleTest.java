package org.cecplatform.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditEvent;
import org.cecplatform.audit.domain.audit.AuditItem;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditRuleException;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.LedgerCredit;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CecCounter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The audit state machine, given / when / then, on a fixed clock in the policy zone (America/New_York). */
class AuditLifecycleTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final AuditPolicy POLICY = AuditPolicy.acsm();
    static final Instant OPENED_AT = ny("2027-03-01T12:00");
    static final LocalDate OPENED_ON = LocalDate.of(2027, 3, 1);
    static final LocalDate DUE_ON = LocalDate.of(2027, 3, 31);
    static final UUID DOC = UUID.randomUUID();

    // ------------------------------------------------------------------ fixtures

    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static RenewalUnderAudit renewal() {
        // renewed early, on 2027-02-20, for the cycle 2024-05-10..2027-12-31: the renewal counted 2024-05-10..2027-02-20
        // (later credits count toward the new cycle); 45 CECs required
        return new RenewalUnderAudit(UUID.randomUUID(), "c-1", "RENEWAL", List.of("CPT", "GEI"), "CPT", 2027,
                LocalDate.of(2027, 2, 20), LocalDate.of(2024, 5, 10), LocalDate.of(2027, 2, 20),
                new BigDecimal("45"), new BigDecimal("46"), LocalDate.of(2030, 12, 31));
    }

    static Selection random() {
        return Selection.random("sha256:0123456789abcdef", 37, 3, 7, 10, 1, 6);
    }

    static final CecCounter ACSM_COUNTER = new CecCounter(new CecCaps(new BigDecimal("8"), new BigDecimal("24"),
            new BigDecimal("5")));

    static Evidence evidence(LedgerCredit... ledger) {
        return new Evidence(List.of(ledger), Map.of(), ACSM_COUNTER);
    }

    static Audit openAudit(List<LedgerCredit> credits) {
        return Audit.open(POLICY, UUID.randomUUID(), renewal(), random(), evidence(credits.toArray(LedgerCredit[]::new)),
                OPENED_AT);
    }

    static Audit given(Audit audit) {
        // a stored audit: later commands record only their own changes
        return Audit.restore(POLICY, audit.state());
    }

    static LedgerCredit verified(String completedOn, String cecs) {
        return new LedgerCredit(UUID.randomUUID(), LocalDate.parse(completedOn), "GENERAL", new BigDecimal(cecs),
                "ceOnline course", "ACSM", true, false);
    }

    static SubmittedItem item(String title, String cecs, UUID... documents) {
        return new SubmittedItem(null, title, "Some Provider", LocalDate.of(2026, 6, 1), new BigDecimal(cecs),
                "GENERAL", List.of(documents));
    }

    static Audit submitted(String... cecsPerItem) {
        Audit audit = given(openAudit(List.of()));
        List<SubmittedItem> items = new ArrayList<>();
        for (int i = 0; i < cecsPerItem.length; i++) {
            items.add(item("Course " + i, cecsPerItem[i], DOC));
        }
        audit.submit(items, Set.of(DOC), evidence(), UUID::randomUUID, ny("2027-03-10T09:00"));
        return given(audit);
    }

    static List<Class<?>> types(Audit audit) {
        return audit.changes().stream().<Class<?>>map(Object::getClass).toList();
    }

    static AuditRuleException refusal(Runnable command) {
        try {
            command.run();
        } catch (AuditRuleException e) {
            return e;
        }
        throw new AssertionError("the command was accepted");
    }

    // ------------------------------------------------------------------ opening

    @Nested
    class Opening {

        @Test
        void givenARandomSelection_whenOpened_thenProofIsDueIn30DaysAndThePersonIsToldWhy() {
            Audit audit = openAudit(List.of());

            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);
            assertThat(audit.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.Opened.class, opened -> {
                assertThat(opened.openedOn()).isEqualTo(OPENED_ON);
                assertThat(opened.proofDueOn()).isEqualTo(DUE_ON);
                assertThat(opened.reason()).isEqualTo("selected at random, level CPT, 2027");
            });
        }

        @Test
        void givenAHandSelection_whenOpened_thenTheReasonSaysStaffSelectedIt() {
            Audit audit = Audit.open(POLICY, UUID.randomUUID(), renewal(), Selection.manual("staff-1"), evidence(),
                    OPENED_AT);

            assertThat(audit.state().reason()).isEqualTo("selected by staff");
        }

        @Test
        void givenOpenedLateInTheEveningInNewYork_whenOpened_thenTheDatesAreNewYorkDates() {
            // 23:30 in New York is already the next day in UTC
            Audit audit = Audit.open(POLICY, UUID.randomUUID(), renewal(), random(), evidence(),
                    ny("2027-03-01T23:30"));

            assertThat(audit.state().openedOn()).isEqualTo(OPENED_ON);
            assertThat(audit.state().proofDueOn()).isEqualTo(DUE_ON);
        }

        @Test
        void givenLedgerCreditsInTheWindowReachingTheRequirement_whenOpened_thenItPassesAtOnce() {
            Audit audit = openAudit(List.of(verified("2025-01-10", "30"), verified("2026-02-01", "15")));

            assertThat(types(audit)).containsExactly(AuditEvent.Opened.class, AuditEvent.Decided.class,
                    AuditEvent.Closed.class);
            assertThat(audit.status()).isEqualTo(AuditStatus.PASSED);
            AuditEvent.Decided decided = (AuditEvent.Decided) audit.changes().get(1);
            assertThat(decided.decision().decidedBy()).isEqualTo(Audit.SYSTEM);
            assertThat(decided.decision().cecsAccepted()).isEqualByComparingTo("45");
            AuditEvent.Closed closed = (AuditEvent.Closed) audit.changes().get(2);
            assertThat(closed.result()).isEqualTo(AuditStatus.PASSED);
            assertThat(closed.validUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
        }

        @Test
        void givenLedgerCreditsOutsideTheWindow_whenOpened_thenTheyDoNotCount() {
            Audit audit = openAudit(List.of(verified("2024-05-09", "30"), verified("2028-01-01", "30"),
                    verified("2025-01-10", "10")));

            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);
            assertThat(audit.verifiedCecs(evidence(verified("2024-05-09", "30"), verified("2025-01-10", "10"))))
                    .isEqualByComparingTo("10");
        }
    }

    // ------------------------------------------------------------------ extension

    @Nested
    class Extending {

        @Test
        void givenAnOpenAudit_whenStaffExtendByUpTo30DaysWithAReason_thenTheNewDateApplies() {
            Audit audit = given(openAudit(List.of()));

            audit.extend(LocalDate.of(2027, 4, 30), "hospital stay", "staff-1", ny("2027-03-20T10:00"));

            assertThat(audit.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.Extended.class, e -> {
                assertThat(e.previousDueOn()).isEqualTo(DUE_ON);
                assertThat(e.newDueOn()).isEqualTo(LocalDate.of(2027, 4, 30));
                assertThat(e.reason()).isEqualTo("hospital stay");
            });
            assertThat(audit.state().proofDueOn()).isEqualTo(LocalDate.of(2027, 4, 30));
            assertThat(audit.state().extension()).isNotNull();
        }

        @Test
        void givenAnExtendedAudit_whenExtendedAgain_thenItIsAConflict() {
            Audit audit = given(openAudit(List.of()));
            audit.extend(LocalDate.of(2027, 4, 10), "travel", "staff-1", ny("2027-03-20T10:00"));
            Audit stored = given(audit);

            AuditRuleException refused = refusal(() ->
                    stored.extend(LocalDate.of(2027, 4, 20), "more travel", "staff-1", ny("2027-03-21T10:00")));

            assertThat(refused.kind()).isEqualTo(AuditRuleException.Kind.CONFLICT);
            assertThat(refused.slug()).isEqualTo("already-extended");
            assertThat(stored.changes()).isEmpty();
        }

        @Test
        void givenAnOpenAudit_whenTheNewDateIsTooLateNotLaterOrTheReasonMissing_thenEveryViolationIsListed() {
            Audit audit = given(openAudit(List.of()));

            AuditRuleException tooLate = refusal(() ->
                    audit.extend(LocalDate.of(2027, 5, 1), "x", "staff-1", ny("2027-03-20T10:00")));
            AuditRuleException notLater = refusal(() ->
                    audit.extend(DUE_ON, " ", "staff-1", ny("2027-03-20T10:00")));

            assertThat(tooLate.kind()).isEqualTo(AuditRuleException.Kind.INVALID);
            assertThat(tooLate.violations()).extracting(AuditRuleException.Violation::field).containsExactly("newDueOn");
            assertThat(notLater.violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("newDueOn", "reason");
            assertThat(audit.state().extension()).isNull();
        }

        @Test
        void givenAnExtendedAudit_whenTheOriginalDueDatePasses_thenItIsNotOverdue() {
            Audit audit = given(openAudit(List.of()));
            audit.extend(LocalDate.of(2027, 4, 30), "illness", "staff-1", ny("2027-03-20T10:00"));
            Audit stored = given(audit);

            stored.advance(ny("2027-04-15T10:00"));
            assertThat(stored.status()).isEqualTo(AuditStatus.OPEN);
            stored.advance(ny("2027-05-01T00:01"));
            assertThat(stored.status()).isEqualTo(AuditStatus.OVERDUE);
        }

        @Test
        void givenASubmittedAudit_whenExtended_thenItIsAConflict() {
            Audit audit = submitted("45");

            assertThat(refusal(() -> audit.extend(LocalDate.of(2027, 4, 10), "x", "s", ny("2027-03-20T10:00")))
                    .slug()).isEqualTo("not-open");
        }
    }

    // ------------------------------------------------------------------ submission

    @Nested
    class Submitting {

        @Test
        void givenAnOpenAudit_whenItemsWithDocumentsAreSubmitted_thenItIsSubmittedAndEachItemHasAnId() {
            Audit audit = given(openAudit(List.of()));

            audit.submit(List.of(item("Course A", "30", DOC), item("Course B", "15.5", DOC)), Set.of(DOC),
                    evidence(), UUID::randomUUID, ny("2027-03-10T09:00"));

            assertThat(audit.status()).isEqualTo(AuditStatus.SUBMITTED);
            assertThat(audit.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.ProofSubmitted.class, e -> {
                assertThat(e.items()).isEqualTo(2);
                assertThat(e.cecs()).isEqualByComparingTo("45.5");
            });
            assertThat(audit.state().items()).allSatisfy(i -> {
                assertThat(i.itemId()).isNotNull();
                assertThat(i.accepted()).isNull();
                assertThat(i.preAccepted()).isFalse();
            });
        }

        @Test
        void givenAVerifiedLedgerCredit_whenSubmittedWithoutDocuments_thenItIsPreAccepted() {
            LedgerCredit credit = verified("2026-01-05", "10");
            Audit audit = given(openAudit(List.of(credit)));

            audit.submit(List.of(new SubmittedItem(credit.creditId(), "ceOnline course", "ACSM",
                            credit.completedOn(), credit.cecs(), "GENERAL", List.of()), item("Workshop", "35", DOC)),
                    Set.of(DOC), evidence(credit), UUID::randomUUID, ny("2027-03-10T09:00"));

            AuditItem first = audit.state().items().get(0);
            assertThat(first.preAccepted()).isTrue();
            assertThat(first.accepted()).isTrue();
            assertThat(audit.state().items().get(1).accepted()).isNull();
        }

        @Test
        void givenAnUnverifiedItemWithoutDocumentsOrWithAnotherAuditsDocumentOrACreditNotInTheLedger_thenItIsRefused() {
            Audit audit = given(openAudit(List.of()));
            UUID foreign = UUID.randomUUID();

            AuditRuleException refused = refusal(() -> audit.submit(
                    List.of(item("No proof", "20"), item("Wrong proof", "25", foreign),
                            new SubmittedItem(UUID.randomUUID(), "Unknown credit", "X", LocalDate.of(2026, 1, 1),
                                    new BigDecimal("5"), "GENERAL", List.of())),
                    Set.of(DOC), evidence(), UUID::randomUUID, ny("2027-03-10T09:00")));

            assertThat(refused.kind()).isEqualTo(AuditRuleException.Kind.INVALID);
            assertThat(refused.violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items[0].documentIds", "items[1].documentIds", "items[2].creditId",
                            "items[2].documentIds");
            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);
            assertThat(audit.changes()).isEmpty();
        }

        @Test
        void givenBadItemValues_whenSubmitted_thenEachFieldIsNamed() {
            Audit audit = given(openAudit(List.of()));

            AuditRuleException refused = refusal(() -> audit.submit(List.of(
                            new SubmittedItem(null, " ", null, LocalDate.of(2027, 12, 1), new BigDecimal("0"), null,
                                    List.of(DOC)),
                            item("Too big", "100.5", DOC)),
                    Set.of(DOC), evidence(), UUID::randomUUID, ny("2027-03-10T09:00")));

            assertThat(refused.violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items[0].title", "items[0].provider", "items[0].category",
                            "items[0].completedOn", "items[0].cecs", "items[1].cecs");
        }

        @Test
        void givenNoItems_whenSubmitted_thenItIsRefused() {
            Audit audit = given(openAudit(List.of()));

            assertThat(refusal(() -> audit.submit(List.of(), Set.of(), evidence(), UUID::randomUUID,
                    ny("2027-03-10T09:00"))).violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items");
        }

        @Test
        void givenASubmittedAudit_whenSubmittedAgain_thenItIsAConflict() {
            Audit audit = submitted("45");

            assertThat(refusal(() -> audit.submit(List.of(item("More", "5", DOC)), Set.of(DOC), evidence(),
                    UUID::randomUUID, ny("2027-03-11T09:00"))).slug()).isEqualTo("awaiting-review");
        }

        @Test
        void givenAnOpenAuditPastItsDueDateTheSweepMissed_whenSubmitted_thenItWasOverdueAndIsCuredAtOnce() {
            Audit audit = given(openAudit(List.of()));

            audit.submit(List.of(item("Late", "45", DOC)), Set.of(DOC), evidence(), UUID::randomUUID,
                    ny("2027-04-02T09:00"));

            assertThat(types(audit)).containsExactly(AuditEvent.Overdue.class, AuditEvent.Cured.class,
                    AuditEvent.ProofSubmitted.class);
            assertThat(audit.status()).isEqualTo(AuditStatus.SUBMITTED);
        }
    }

    // ------------------------------------------------------------------ review

    @Nested
    class Reviewing {

        @Test
        void givenASubmittedAudit_whenPassedWithoutItems_thenEveryItemIsAcceptedAndTheAuditCloses() {
            Audit audit = submitted("30", "15");

            audit.decide(DecisionOutcome.PASSED, "all good", null, evidence(), "auditor-1", ny("2027-03-15T09:00"));

            assertThat(types(audit)).containsExactly(AuditEvent.Decided.class, AuditEvent.Closed.class);
            assertThat(audit.status()).isEqualTo(AuditStatus.PASSED);
            assertThat(audit.state().items()).allSatisfy(i -> assertThat(i.accepted()).isTrue());
            AuditEvent.Decided decided = (AuditEvent.Decided) audit.changes().get(0);
            assertThat(decided.decision().cecsAccepted()).isEqualByComparingTo("45");
            assertThat(decided.decision().validUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
        }

        @Test
        void givenAPassedAudit_whenSubmittedOrDecidedAgain_thenItIsAConflict() {
            Audit audit = submitted("45");
            audit.decide(DecisionOutcome.PASSED, null, null, evidence(), "auditor-1", ny("2027-03-15T09:00"));
            Audit closed = given(audit);

            assertThat(refusal(() -> closed.submit(List.of(item("x", "1", DOC)), Set.of(DOC), evidence(),
                    UUID::randomUUID, ny("2027-03-16T09:00"))).slug()).isEqualTo("audit-closed");
            assertThat(refusal(() -> closed.decide(DecisionOutcome.FAILED, null, null, evidence(), "a",
                    ny("2027-03-16T09:00"))).kind()).isEqualTo(AuditRuleException.Kind.CONFLICT);
        }

        @Test
        void givenASubmittedAudit_whenRemediationIsDecidedWithoutItemsOrWithoutReasons_thenItIsRefused() {
            Audit audit = submitted("30", "15");
            List<AuditItem> items = audit.state().items();

            AuditRuleException noItems = refusal(() -> audit.decide(DecisionOutcome.REMEDIATION, null, null,
                    evidence(), "auditor-1", ny("2027-03-15T09:00")));
            AuditRuleException noReason = refusal(() -> audit.decide(DecisionOutcome.REMEDIATION, null,
                    List.of(new ItemDecision(items.get(0).itemId(), true, null),
                            new ItemDecision(items.get(1).itemId(), false, " ")),
                    evidence(), "auditor-1", ny("2027-03-15T09:00")));
            AuditRuleException undecided = refusal(() -> audit.decide(DecisionOutcome.FAILED, null,
                    List.of(new ItemDecision(items.get(1).itemId(), false, "not in scope")),
                    evidence(), "auditor-1", ny("2027-03-15T09:00")));

            assertThat(noItems.violations()).extracting(AuditRuleException.Violation::field).containsExactly("items");
            assertThat(noReason.violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items[1].disallowedReason");
            assertThat(undecided.violations()).extracting(AuditRuleException.Violation::message)
                    .singleElement().asString().contains("is not decided");
            assertThat(audit.status()).isEqualTo(AuditStatus.SUBMITTED);
            assertThat(audit.state().items()).allSatisfy(i -> assertThat(i.accepted()).isNull());
        }

        @Test
        void givenASubmittedAudit_whenRemediationIsDecided_thenFurtherItemsAreDueIn90DaysAndReviewedAgain() {
            Audit audit = submitted("30", "15");
            List<AuditItem> items = audit.state().items();

            audit.decide(DecisionOutcome.REMEDIATION, "course B not in scope",
                    List.of(new ItemDecision(items.get(0).itemId(), true, null),
                            new ItemDecision(items.get(1).itemId(), false, "not within the scope of practice")),
                    evidence(), "auditor-1", ny("2027-03-15T09:00"));

            assertThat(audit.status()).isEqualTo(AuditStatus.REMEDIATION);
            AuditEvent.Decided decided = (AuditEvent.Decided) audit.changes().get(0);
            assertThat(decided.decision().remediationDueOn()).isEqualTo(LocalDate.of(2027, 6, 13));
            assertThat(decided.decision().cecsAccepted()).isEqualByComparingTo("30");
            assertThat(decided.decision().cecsDisallowed()).isEqualByComparingTo("15");
            assertThat(audit.state().items().get(1).disallowedReason()).isEqualTo("not within the scope of practice");

            Audit remediating = given(audit);
            remediating.submit(List.of(item("Replacement course", "15", DOC)), Set.of(DOC), evidence(),
                    UUID::randomUUID, ny("2027-05-01T09:00"));
            assertThat(remediating.status()).isEqualTo(AuditStatus.SUBMITTED);
            assertThat(remediating.state().round()).isEqualTo(2);

            Audit again = given(remediating);
            again.decide(DecisionOutcome.PASSED, null, null, evidence(), "auditor-1", ny("2027-05-03T09:00"));
            assertThat(again.status()).isEqualTo(AuditStatus.PASSED);
            assertThat(again.state().items()).extracting(AuditItem::accepted).containsExactly(true, false, true);
        }

        @Test
        void givenASubmittedAudit_whenFailed_thenItClosesFailedForGood() {
            Audit audit = submitted("45");
            UUID itemId = audit.state().items().get(0).itemId();

            audit.decide(DecisionOutcome.FAILED, "forged certificate",
                    List.of(new ItemDecision(itemId, false, "certificate not genuine")), evidence(), "staff-1",
                    ny("2027-03-15T09:00"));

            assertThat(types(audit)).containsExactly(AuditEvent.Decided.class, AuditEvent.Closed.class);
            assertThat(((AuditEvent.Closed) audit.changes().get(1)).result()).isEqualTo(AuditStatus.FAILED);
            assertThat(audit.status()).isEqualTo(AuditStatus.FAILED);
        }

        @Test
        void givenAnOpenAudit_whenDecided_thenThereIsNothingToReview() {
            Audit audit = given(openAudit(List.of()));

            assertThat(refusal(() -> audit.decide(DecisionOutcome.PASSED, null, null, evidence(), "a",
                    ny("2027-03-15T09:00"))).slug()).isEqualTo("nothing-to-review");
        }

        @Test
        void givenAPreAcceptedVerifiedItem_whenAReviewerDisallowsIt_thenItIsRefused() {
            LedgerCredit credit = verified("2026-01-05", "10");
            Audit audit = given(openAudit(List.of(credit)));
            audit.submit(List.of(new SubmittedItem(credit.creditId(), "ceOnline", "ACSM", credit.completedOn(),
                    credit.cecs(), "GENERAL", List.of())), Set.of(), evidence(credit), UUID::randomUUID,
                    ny("2027-03-10T09:00"));
            Audit stored = given(audit);

            AuditRuleException refused = refusal(() -> stored.decide(DecisionOutcome.FAILED, null,
                    List.of(new ItemDecision(stored.state().items().get(0).itemId(), false, "no")), evidence(credit),
                    "a", ny("2027-03-15T09:00")));

            assertThat(refused.violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items[0].accepted");
        }

        @Test
        void givenAnUnknownItem_whenDecided_thenItIsNamed() {
            Audit audit = submitted("45");

            assertThat(refusal(() -> audit.decide(DecisionOutcome.PASSED, null,
                    List.of(new ItemDecision(UUID.randomUUID(), true, null)), evidence(), "a",
                    ny("2027-03-15T09:00"))).violations()).extracting(AuditRuleException.Violation::field)
                    .containsExactly("items[0].itemId");
        }
    }

    // ------------------------------------------------------------------ deadlines, overdue and cure

    @Nested
    class Deadlines {

        @Test
        void givenAnOpenAudit_whenTheDueDayEndsInNewYork_thenItIsOverdueOnlyAfterMidnight() {
            Audit audit = given(openAudit(List.of()));

            audit.advance(ny("2027-03-31T23:59:59"));
            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);

            audit.advance(ny("2027-04-01T00:00:01"));
            assertThat(audit.status()).isEqualTo(AuditStatus.OVERDUE);
            assertThat(audit.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.Overdue.class, e -> {
                assertThat(e.dueOn()).isEqualTo(DUE_ON);
                assertThat(e.cureBy()).isEqualTo(LocalDate.of(2028, 3, 31));
            });
        }

        @Test
        void givenAnOverdueAudit_whenTheSweepRunsAgain_thenNothingMoreHappens() {
            Audit audit = given(openAudit(List.of()));
            audit.advance(ny("2027-04-02T00:00"));
            Audit stored = given(audit);

            stored.advance(ny("2027-04-03T00:00"));

            assertThat(stored.changes()).isEmpty();
        }

        @Test
        void givenAnOverdueAudit_whenProofIsSubmittedWithinTheYear_thenItIsCuredAndReviewedAsUsual() {
            Audit audit = given(openAudit(List.of()));
            audit.advance(ny("2027-04-02T00:00"));
            Audit overdue = given(audit);

            overdue.submit(List.of(item("Course", "45", DOC)), Set.of(DOC), evidence(), UUID::randomUUID,
                    ny("2027-09-01T10:00"));

            assertThat(types(overdue)).containsExactly(AuditEvent.Cured.class, AuditEvent.ProofSubmitted.class);
            assertThat(((AuditEvent.Cured) overdue.changes().get(0)).how()).isEqualTo("PROOF_SUBMITTED");
            assertThat(overdue.status()).isEqualTo(AuditStatus.SUBMITTED);
        }

        @Test
        void givenAnOverdueAudit_whenNewLedgerCreditsReachTheRequirement_thenItIsCuredAndPasses() {
            LedgerCredit old = verified("2026-06-01", "20");
            Audit audit = given(openAudit(List.of(old)));
            audit.advance(ny("2027-04-02T00:00"));
            Audit overdue = given(audit);
            LedgerCredit earlierThanOverdue = verified("2027-03-15", "20"); // new cycle, before overdue: no
            overdue.creditsChanged(evidence(old, earlierThanOverdue), ny("2027-05-01T10:00"));
            assertThat(overdue.status()).isEqualTo(AuditStatus.OVERDUE);

            LedgerCredit replacement = verified("2027-06-01", "25");
            overdue.creditsChanged(evidence(old, earlierThanOverdue, replacement), ny("2027-06-02T10:00"));

            assertThat(types(overdue)).containsExactly(AuditEvent.Cured.class, AuditEvent.Decided.class,
                    AuditEvent.Closed.class);
            assertThat(((AuditEvent.Cured) overdue.changes().get(0)).how()).isEqualTo("VERIFIED_CREDITS");
            assertThat(overdue.status()).isEqualTo(AuditStatus.PASSED);
        }

        @Test
        void givenAnOverdueAudit_whenAYearPassesWithoutCure_thenItFailsForGood() {
            Audit audit = given(openAudit(List.of()));
            audit.advance(ny("2027-04-02T00:00"));
            Audit overdue = given(audit);

            overdue.advance(ny("2028-03-31T23:00"));
            assertThat(overdue.status()).isEqualTo(AuditStatus.OVERDUE);
            overdue.advance(ny("2028-04-01T00:30"));

            assertThat(overdue.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.Closed.class, c -> {
                assertThat(c.result()).isEqualTo(AuditStatus.FAILED);
                assertThat(c.reason()).isEqualTo("not cured within one year");
            });
            Audit failed = given(overdue);
            assertThat(refusal(() -> failed.submit(List.of(item("Too late", "45", DOC)), Set.of(DOC), evidence(),
                    UUID::randomUUID, ny("2028-04-02T00:00"))).slug()).isEqualTo("audit-closed");
        }

        @Test
        void givenAnOpenAuditUntouchedForMoreThanAYearAndAMonth_whenSwept_thenItGoesOverdueAndFailsInOneRun() {
            Audit audit = given(openAudit(List.of()));

            audit.advance(ny("2028-06-01T00:00"));

            assertThat(types(audit)).containsExactly(AuditEvent.Overdue.class, AuditEvent.Closed.class);
            assertThat(audit.status()).isEqualTo(AuditStatus.FAILED);
        }

        @Test
        void givenARemediationWindowPassingWithoutFurtherItems_whenSwept_thenTheAuditIsOverdueWithAYearToCure() {
            Audit audit = submitted("30", "15");
            List<AuditItem> items = audit.state().items();
            audit.decide(DecisionOutcome.REMEDIATION, null, List.of(new ItemDecision(items.get(0).itemId(), true, null),
                    new ItemDecision(items.get(1).itemId(), false, "no certificate")), evidence(), "a",
                    ny("2027-03-15T09:00"));
            Audit remediating = given(audit);

            remediating.advance(ny("2027-06-14T00:01"));

            assertThat(remediating.changes()).singleElement().isInstanceOfSatisfying(AuditEvent.Overdue.class, e -> {
                assertThat(e.dueOn()).isEqualTo(LocalDate.of(2027, 6, 13));
                assertThat(e.cureBy()).isEqualTo(LocalDate.of(2028, 6, 13));
            });
        }

        @Test
        void givenAnOpenAudit_whenLedgerCreditsArriveThatReachTheRequirement_thenItPassesWithoutSubmission() {
            LedgerCredit first = verified("2026-01-01", "40");
            Audit audit = given(openAudit(List.of(first)));

            audit.creditsChanged(evidence(first, verified("2027-01-15", "5")), ny("2027-03-05T10:00"));

            assertThat(types(audit)).containsExactly(AuditEvent.Decided.class, AuditEvent.Closed.class);
            assertThat(audit.status()).isEqualTo(AuditStatus.PASSED);
        }
    }

    @Test
    void givenAnAudit_whenItsStateIsStoredAndRestored_thenNothingIsLost() {
        Audit audit = submitted("30", "15");
        AuditState state = audit.state();

        assertThat(Audit.restore(POLICY, state).state()).isEqualTo(state);
        assertThat(state.nextDeadline()).isNull();
        assertThat(given(openAudit(List.of())).state().nextDeadline()).isEqualTo(DUE_ON);
    }
}
