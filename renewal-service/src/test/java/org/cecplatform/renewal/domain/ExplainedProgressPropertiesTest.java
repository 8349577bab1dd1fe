package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The explained progress is the certifications view's count with its lines: on seeded random histories (the seed is
 * the repetition number, named in every failure) its totals are the view's, and every credit is explained once.
 */
class ExplainedProgressPropertiesTest {

    private static final String[] CATEGORIES = {"GENERAL", "COLLEGE_COURSE", "COMMITTEE_SERVICE", "COMMITTEE_SERVICE",
            "CPR_AED_FIRST_AID", "CPR_AED_FIRST_AID", "PUBLICATION", null};
    private static final LocalDate CERTIFIED_ON = date("2024-05-10");

    private record History(Certificant person, RenewedCertification renewed, LocalDate today) {
    }

    /** CPT granted on 2024-05-10, then maybe renewed on time, late or reinstated; "today" some day after. */
    private static History randomHistory(Random random) {
        Certificant person = Forms.person();
        Forms.grant(person, "CPT", CERTIFIED_ON.toString());
        LocalDate renewedOn = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> date("2027-10-01").plusDays(random.nextInt(92));   // on time: 2027-10-01 .. 2027-12-31
            case 2 -> date("2028-01-01").plusDays(random.nextInt(182));  // late: in the grace period
            default -> date("2028-07-01").plusDays(random.nextInt(900)); // reinstatement
        };
        RenewedCertification renewed = null;
        if (renewedOn != null) {
            String fee = person.quote(List.of("CPT"), renewedOn).fee().total().toPlainString();
            renewed = Forms.renewAt(person, Forms.form("CPT", fee, renewedOn), noon(renewedOn.toString()), List.of())
                    .certifications().get(0);
        }
        LocalDate from = renewedOn == null ? CERTIFIED_ON : renewedOn;
        return new History(person, renewed, from.plusDays(random.nextInt(1500)));
    }

    private static List<Credit> randomCredits(Random random) {
        List<Credit> credits = new ArrayList<>();
        int n = random.nextInt(50);
        for (int i = 0; i < n; i++) {
            LocalDate completed = CERTIFIED_ON.minusDays(300).plusDays(random.nextInt(2800));
            BigDecimal cecs = BigDecimal.valueOf(1 + random.nextInt(120), 1); // 0.1 .. 12.0: near and over the caps
            credits.add(new Credit(UUID.randomUUID(), completed, CATEGORIES[random.nextInt(CATEGORIES.length)], cecs,
                    random.nextInt(8) == 0, random.nextInt(10) == 0));
        }
        return credits;
    }

    @RepeatedTest(500)
    void givenAnyHistory_thenTheExplanationAddsUpToTheCertificationsViewAndExplainsEveryCreditOnce(
            RepetitionInfo repetition) {
        long seed = repetition.getCurrentRepetition();
        Random random = new Random(seed);
        History history = randomHistory(random);
        List<Credit> credits = randomCredits(random);

        CertificationProgress view = history.person().progress(history.today(), credits).get(0);
        ExplainedProgress explained = history.person().explainedProgress("cpt", history.today(), credits)
                .orElseThrow();

        String seedNote = "seed " + seed + ", today " + history.today();
        assertThat(explained.progress().tracked().total()).as(seedNote).isEqualByComparingTo(view.tracked().total());
        assertThat(explained.progress().tracked().byCategory()).as(seedNote).isEqualTo(view.tracked().byCategory());
        assertThat(explained.progress().cecsRemaining()).as(seedNote).isEqualByComparingTo(view.cecsRemaining());
        assertThat(explained.credits()).as(seedNote).extracting(line -> line.credit().creditId())
                .containsExactlyInAnyOrderElementsOf(credits.stream().map(Credit::creditId).toList());

        Map<String, BigDecimal> byCategory = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CreditExplanation line : explained.credits()) {
            total = total.add(line.counted());
            if (line.counted().signum() > 0) {
                byCategory.merge(line.category(), line.counted(), BigDecimal::add);
            }
            assertReasonFits(line, view.eligibility(), history.renewed(), seedNote);
        }
        assertThat(total).as(seedNote).isEqualByComparingTo(view.tracked().total());
        view.tracked().byCategory().forEach((category, cecs) -> assertThat(byCategory.getOrDefault(category,
                BigDecimal.ZERO)).as(seedNote + ", " + category).isEqualByComparingTo(cecs));
    }

    @RepeatedTest(300)
    void givenARenewedHistory_thenThePastCycleIsExplainedOnTheWindowItsRenewalCounted(RepetitionInfo repetition) {
        long seed = repetition.getCurrentRepetition();
        Random random = new Random(seed);
        History history = randomHistory(random);
        while (history.renewed() == null) {
            history = randomHistory(random);
        }
        List<Credit> credits = randomCredits(random);
        RenewedCertification renewed = history.renewed();

        ExplainedProgress past = history.person().explainedProgress("CPT", 1, history.today(), credits).orElseThrow();

        String seedNote = "seed " + seed + ", " + renewed;
        assertThat(past.cycle().number()).as(seedNote).isEqualTo(1);
        assertThat(past.countedFrom()).as(seedNote).isEqualTo(renewed.countedFrom());
        assertThat(past.countedTo()).as(seedNote).isEqualTo(renewed.countedTo());
        assertThat(past.credits()).as(seedNote).extracting(line -> line.credit().creditId())
                .containsExactlyInAnyOrderElementsOf(credits.stream().map(Credit::creditId).toList());
        BigDecimal total = BigDecimal.ZERO;
        for (CreditExplanation line : past.credits()) {
            total = total.add(line.counted());
            Credit credit = line.credit();
            if (!credit.voided() && credit.completedOn().isAfter(renewed.countedTo())) {
                assertThat(line.reason()).as(seedNote + ", " + credit).isEqualTo(renewed.gapFrom() == null
                        ? ProgressReason.AFTER_RENEWAL_REQUEST : ProgressReason.OUTSIDE_WINDOW);
            }
        }
        assertThat(total).as(seedNote).isEqualByComparingTo(past.progress().tracked().total());
        assertThat(history.person().explainedProgress("CPT", 3, history.today(), credits)).as(seedNote).isEmpty();
    }

    private static void assertReasonFits(CreditExplanation line, Eligibility window, RenewedCertification renewed,
                                         String seedNote) {
        Credit credit = line.credit();
        String note = seedNote + ", " + credit;
        boolean inWindow = !credit.completedOn().isBefore(window.countFrom())
                && !credit.completedOn().isAfter(window.countTo());
        boolean inRenewedWindow = renewed != null && !credit.completedOn().isBefore(renewed.countedFrom())
                && !credit.completedOn().isAfter(renewed.countedTo());
        ProgressReason expected = credit.voided() ? ProgressReason.VOIDED
                : inWindow && credit.countedElsewhere() ? ProgressReason.REMEDIATION_REPLACEMENT
                : inRenewedWindow ? ProgressReason.COUNTED_BY_EARLIER_RENEWAL
                : !inWindow ? ProgressReason.OUTSIDE_WINDOW : null;
        if (expected != null) {
            assertThat(line.reason()).as(note).isEqualTo(expected);
            assertThat(line.counted()).as(note).isZero();
        } else if (line.reason() == ProgressReason.COUNTED) {
            assertThat(line.counted()).as(note).isEqualByComparingTo(credit.cecs());
        } else {
            assertThat(line.reason()).as(note).isEqualTo(ProgressReason.CAP_REACHED);
            assertThat(line.category()).as(note).isIn("COMMITTEE_SERVICE", "CPR_AED_FIRST_AID");
            assertThat(line.counted()).as(note).isNotNegative().isLessThan(credit.cecs());
        }
        assertThat(line.detail()).as(note).isNotBlank();
    }
}
