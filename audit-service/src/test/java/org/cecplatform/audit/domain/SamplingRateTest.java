package org.cecplatform.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cecplatform.audit.domain.sampling.SamplingRate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block arithmetic, proved by enumeration: for a rate's block, every offset and every position is tried, so the
 * two guarantees hold exactly, not just on average.
 */
class SamplingRateTest {

    @ParameterizedTest
    @CsvSource({"0.10,1,10", "0.1,1,10", "0.15,3,20", "0.25,1,4", "1,1,1", "1.0,1,1", "0,0,1", "0.00,0,1",
            "0.333,333,1000", "0.5,1,2", "0.125,1,8", "0.07,7,100"})
    void givenADecimalRate_whenMadeExact_thenItIsTheReducedFraction(String rate, int perBlock, int blockSize) {
        SamplingRate exact = SamplingRate.of(new BigDecimal(rate));

        assertThat(exact.perBlock()).isEqualTo(perBlock);
        assertThat(exact.blockSize()).isEqualTo(blockSize);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.01", "2", "0.0000001"})
    void givenARateOutsideZeroToOneOrTooFine_whenMadeExact_thenItIsRefused(String rate) {
        assertThatThrownBy(() -> SamplingRate.of(new BigDecimal(rate))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.10", "0.15", "0.25", "0.333", "0.07", "0.5", "1", "0", "0.95"})
    void givenAnyRate_whenEveryOffsetIsTried_thenEveryPositionIsSelectedByExactlyPerBlockOffsets(String rate) {
        SamplingRate exact = SamplingRate.of(new BigDecimal(rate));

        for (int position = 1; position <= exact.blockSize(); position++) {
            int offsetsSelectingIt = 0;
            for (int offset = 0; offset < exact.blockSize(); offset++) {
                if (exact.selects(position, offset)) {
                    offsetsSelectingIt++;
                }
            }
            // probability perBlock/blockSize = rate for every position: equal chance, whatever the order
            assertThat(offsetsSelectingIt).as("position %d", position).isEqualTo(exact.perBlock());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.10", "0.15", "0.25", "0.333", "0.07", "0.5", "1", "0", "0.95"})
    void givenAnyRateAndOffset_whenABlockFills_thenEveryPrefixIsWithinOneOfTheTargetAndTheBlockEndsExact(String rate) {
        SamplingRate exact = SamplingRate.of(new BigDecimal(rate));

        for (int offset = 0; offset < exact.blockSize(); offset++) {
            long selected = 0;
            for (int position = 1; position <= exact.blockSize(); position++) {
                if (exact.selects(position, offset)) {
                    selected++;
                }
                BigDecimal target = exact.rate().multiply(BigDecimal.valueOf(position));
                assertThat(BigDecimal.valueOf(selected).subtract(target).abs())
                        .as("offset %d after %d", offset, position).isLessThan(BigDecimal.ONE);
            }
            assertThat(selected).as("a full block selects exactly perBlock").isEqualTo(exact.perBlock());
        }
    }
}
