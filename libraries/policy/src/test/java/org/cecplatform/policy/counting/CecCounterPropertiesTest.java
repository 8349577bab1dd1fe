package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of counting that must hold for any credits: checked on seeded random ledgers (reproducible). */
class CecCounterPropertiesTest {

    private static final String[] CATEGORIES = {"GENERAL", "COLLEGE_COURSE", "COMMITTEE_SERVICE", "CPR_AED_FIRST_AID",
            "PUBLICATION", "PRESENTATION"};
    private static final LocalDate FROM = LocalDate.of(2024, 5, 10);
    private static final LocalDate TO = LocalDate.of(2027, 12, 31);

    private final CecCounter counter = new CecCounter(TestCredit.ACSM_CAPS);

    private static List<TestCredit> randomLedger(Random random) {
        List<TestCredit> credits = new ArrayList<>();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            LocalDate completed = FROM.minusDays(200).plusDays(random.nextInt(1900));
            BigDecimal cecs = BigDecimal.valueOf(1 + random.nextInt(200), 1); // 0.1 .. 20.0
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            credits.add(new TestCredit(UUID.randomUUID(), completed, category, cecs, random.nextInt(8) == 0, false));
        }
        return credits;
    }

    @RepeatedTest(300)
    void givenAnyLedger_thenCapsHoldVoidsNeverCountAndSplittingAWindowNeverCountsLess(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<TestCredit> credits = randomLedger(random);

        CecCount whole = counter.count(credits, FROM, TO);

        assertThat(whole.total()).isLessThanOrEqualTo(whole.uncapped());
        assertThat(whole.byCategory().getOrDefault("COMMITTEE_SERVICE", BigDecimal.ZERO))
                .isLessThanOrEqualTo(new BigDecimal("24"));
        assertThat(whole.byCategory().getOrDefault("CPR_AED_FIRST_AID", BigDecimal.ZERO))
                .as("5 per calendar year, four calendar years touched").isLessThanOrEqualTo(new BigDecimal("20"));

        List<TestCredit> withoutVoided = credits.stream().filter(c -> !c.voided()).toList();
        assertThat(counter.count(withoutVoided, FROM, TO)).isEqualTo(whole);

        LocalDate split = FROM.plusDays(random.nextInt(1300));
        BigDecimal parts = counter.count(credits, FROM, split).total()
                .add(counter.count(credits, split.plusDays(1), TO).total());
        assertThat(parts).isGreaterThanOrEqualTo(whole.total());
        BigDecimal uncappedParts = counter.count(credits, FROM, split).uncapped()
                .add(counter.count(credits, split.plusDays(1), TO).uncapped());
        assertThat(uncappedParts).as("each credit counts toward one window only").isEqualByComparingTo(whole.uncapped());
        BigDecimal cprParts = counter.count(credits, FROM, split).byCategory()
                .getOrDefault("CPR_AED_FIRST_AID", BigDecimal.ZERO)
                .add(counter.count(credits, split.plusDays(1), TO).byCategory()
                        .getOrDefault("CPR_AED_FIRST_AID", BigDecimal.ZERO));
        assertThat(cprParts).as("a calendar year's cap is shared by the windows that split it")
                .isEqualByComparingTo(whole.byCategory().getOrDefault("CPR_AED_FIRST_AID", BigDecimal.ZERO));
    }

    @RepeatedTest(300)
    void givenAnyLedgerAndWindow_thenTheExplanationListsEveryCreditOnceAndItsLinesAddUpToTheCount(
            RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<TestCredit> credits = new ArrayList<>(randomLedger(random));
        credits.replaceAll(c -> random.nextInt(10) == 0 ? c.countedElsewhereCopy() : c);
        LocalDate from = FROM.plusDays(random.nextInt(900));
        LocalDate to = from.plusDays(random.nextInt(1200) - 30); // sometimes an empty window

        CecCount explained = counter.explain(credits, from, to);

        assertThat(explained.lines()).extracting(line -> line.credit().creditId())
                .containsExactlyInAnyOrderElementsOf(credits.stream().map(TestCredit::creditId).toList());
        CecCount counted = counter.count(credits, from, to);
        assertThat(explained.lines().stream().map(CreditLine::counted).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(counted.total()).isEqualByComparingTo(explained.total());
        assertThat(explained.byCategory()).isEqualTo(counted.byCategory());
        for (CreditLine line : explained.lines()) {
            TestCredit credit = (TestCredit) line.credit();
            boolean inWindow = credit.completedOn() != null && !credit.completedOn().isBefore(from)
                    && !credit.completedOn().isAfter(to);
            CreditLine.Outcome expected = credit.voided() ? CreditLine.Outcome.VOIDED
                    : !inWindow ? CreditLine.Outcome.OUTSIDE_WINDOW
                    : credit.countedElsewhere() ? CreditLine.Outcome.COUNTED_ELSEWHERE : null;
            if (expected != null) {
                assertThat(line.outcome()).isEqualTo(expected);
                assertThat(line.counted()).isZero();
            } else if (line.outcome() == CreditLine.Outcome.COUNTED) {
                assertThat(line.counted()).isEqualByComparingTo(credit.cecs());
            } else {
                assertThat(line.outcome()).isIn(CreditLine.Outcome.CAPPED_PER_YEAR,
                        CreditLine.Outcome.CAPPED_PER_CYCLE);
                assertThat(line.counted()).isLessThan(credit.cecs()).isNotNegative();
            }
        }
    }
}
