package org.cecplatform.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cecplatform.audit.domain.sampling.BlockDraws;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.cecplatform.audit.domain.sampling.Seed;
import org.junit.jupiter.api.Test;

/**
 * The sampler's required properties over many renewals and seeds. Seeds are fixed, so the run is deterministic, yet
 * each statistical test compares against the chi-square distribution at p = 0.001 and would fail on a biased sampler
 * (the negative controls prove that the statistic catches bias).
 */
class SamplerPropertiesTest {

    /** Upper 0.1 % points of the chi-square distribution. */
    static final double CHI2_999_DF9 = 27.877;
    static final double CHI2_999_DF19 = 43.820;
    static final double CHI2_999_DF99 = 148.230;

    static final Map<String, String> RATES = new LinkedHashMap<>();

    static {
        RATES.put("CPT", "0.10");
        RATES.put("EP", "0.15");
        RATES.put("GEI", "0.25");
        RATES.put("CEP", "0.333");
    }

    @Test
    void given10000RenewalsInFourLevelsInterleavedAtRandom_whenDrawn_thenEveryPrefixOfEveryLevelIsWithinOneOfTheTarget() {
        Map<String, LevelYearPool> pools = new LinkedHashMap<>();
        RATES.forEach((level, rate) -> pools.put(level,
                new LevelYearPool(level, 2027, Seed.fixed(level.hashCode()), SamplingRate.of(new BigDecimal(rate)), 0, 0)));
        List<String> levels = List.copyOf(RATES.keySet());
        SplittableRandom arrivals = new SplittableRandom(20270101L);

        for (int i = 0; i < 10_000; i++) {
            LevelYearPool pool = pools.get(levels.get(arrivals.nextInt(levels.size())));
            Draw draw = pool.enter();

            BigDecimal target = pool.rate().rate().multiply(BigDecimal.valueOf(pool.renewals()));
            assertThat(BigDecimal.valueOf(pool.selected()).subtract(target).abs())
                    .as("%s after %d renewals", pool.level(), pool.renewals()).isLessThan(BigDecimal.ONE);
            assertThat(LevelYearPool.reproduce(pool.seed(), pool.level(), 2027, pool.rate(), draw.ordinal()))
                    .as("every draw is reproducible from the seed").isEqualTo(draw);
        }
        assertThat(pools.values().stream().mapToLong(LevelYearPool::renewals).sum()).isEqualTo(10_000);
        assertThat(pools.values()).allSatisfy(pool -> assertThat(pool.renewals()).isGreaterThan(2_000));
    }

    @Test
    void givenManySeeds_whenTheFirst100RenewalsAreDrawnAt10Percent_thenEveryOrdinalIsSelectedEquallyOften() {
        long[] selectedAt = new long[100];
        int seeds = 1_000;
        for (int s = 0; s < seeds; s++) {
            LevelYearPool pool = new LevelYearPool("CPT", 2027, Seed.fixed(s), SamplingRate.of(new BigDecimal("0.10")), 0, 0);
            for (int ordinal = 0; ordinal < 100; ordinal++) {
                if (pool.enter().selected()) {
                    selectedAt[ordinal]++;
                }
            }
        }
        // 10 per seed exactly (10 full blocks), so 1,000 × 10 selections spread over 100 ordinals: 100 expected each.
        assertThat(chiSquare(selectedAt)).isLessThan(CHI2_999_DF99);
    }

    @Test
    void givenManyBlocks_whenPositionsInsideABlockOfTenAreCounted_thenTheyAreUniform() {
        long[] position = new long[10];
        LevelYearPool pool = new LevelYearPool("CPT", 2027, Seed.fixed(42), SamplingRate.of(new BigDecimal("0.10")), 0, 0);
        for (int i = 0; i < 20_000; i++) {
            Draw draw = pool.enter();
            if (draw.selected()) {
                position[draw.position() - 1]++;
            }
        }
        assertThat(chiSquare(position)).isLessThan(CHI2_999_DF9);
    }

    @Test
    void givenARateWhoseInverseIsNotWhole_whenBlockOffsetsAreCounted_thenTheyAreUniform() {
        // 0.15 = 3 of 20: the offset fixes the block's pattern, so uniform offsets mean every pattern equally likely.
        long[] offsets = new long[20];
        for (long block = 0; block < 10_000; block++) {
            offsets[BlockDraws.offset(Seed.fixed(7), "EP", 2027, block, 20)]++;
        }
        assertThat(chiSquare(offsets)).isLessThan(CHI2_999_DF19);
    }

    @Test
    void givenConsecutiveBlocks_whenTheirOffsetsArePaired_thenKnowingOneBlockTellsNothingAboutTheNext() {
        long[] pairs = new long[100];
        for (long block = 0; block < 20_000; block += 2) {
            int first = BlockDraws.offset(Seed.fixed(11), "CPT", 2027, block, 10);
            int next = BlockDraws.offset(Seed.fixed(11), "CPT", 2027, block + 1, 10);
            pairs[first * 10 + next]++;
        }
        assertThat(chiSquare(pairs)).isLessThan(CHI2_999_DF99);
    }

    @Test
    void givenTheSameSeed_whenAPoolIsReplayed_thenEveryOutcomeIsTheSameAndAnotherSeedGivesOtherOutcomes() {
        List<Boolean> first = outcomes(Seed.fixed(1));
        assertThat(outcomes(Seed.fixed(1))).isEqualTo(first);
        assertThat(outcomes(Seed.fixed(2))).isNotEqualTo(first);
    }

    @Test
    void givenTheSameSeed_whenAnotherLevelOrYearIsDrawn_thenItsOffsetsDiffer() {
        List<Integer> cpt2027 = new ArrayList<>();
        List<Integer> cpt2028 = new ArrayList<>();
        List<Integer> gei2027 = new ArrayList<>();
        for (long block = 0; block < 50; block++) {
            cpt2027.add(BlockDraws.offset(Seed.fixed(3), "CPT", 2027, block, 10));
            cpt2028.add(BlockDraws.offset(Seed.fixed(3), "CPT", 2028, block, 10));
            gei2027.add(BlockDraws.offset(Seed.fixed(3), "GEI", 2027, block, 10));
        }
        assertThat(cpt2027).isNotEqualTo(cpt2028).isNotEqualTo(gei2027);
    }

    // ------------------------------------------------ negative controls: the statistic does catch a biased sampler

    @Test
    void givenABiasedSamplerThatPrefersEarlyPositions_whenTested_thenTheChiSquareTestRejectsIt() {
        long[] position = new long[10];
        SplittableRandom random = new SplittableRandom(5);
        for (int block = 0; block < 2_000; block++) {
            // a sloppy sampler: 20 % of the time picks the first position, else uniform
            int chosen = random.nextInt(5) == 0 ? 0 : random.nextInt(10);
            position[chosen]++;
        }
        assertThat(chiSquare(position)).isGreaterThan(CHI2_999_DF9);
    }

    @Test
    void givenAnOffsetSharedByEveryBlock_whenBlocksArePaired_thenTheIndependenceTestRejectsIt() {
        long[] pairs = new long[100];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            int first = random.nextInt(10);
            int next = random.nextInt(4) == 0 ? first : random.nextInt(10); // a quarter repeat the last block
            pairs[first * 10 + next]++;
        }
        assertThat(chiSquare(pairs)).isGreaterThan(CHI2_999_DF99);
    }

    private static List<Boolean> outcomes(Seed seed) {
        LevelYearPool pool = new LevelYearPool("CPT", 2027, seed, SamplingRate.of(new BigDecimal("0.10")), 0, 0);
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(pool.enter().selected());
        }
        return outcomes;
    }

    /** Pearson's statistic against equal expected counts. */
    static double chiSquare(long[] observed) {
        double total = 0;
        for (long o : observed) {
            total += o;
        }
        double expected = total / observed.length;
        double statistic = 0;
        for (long o : observed) {
            statistic += (o - expected) * (o - expected) / expected;
        }
        return statistic;
    }
}
