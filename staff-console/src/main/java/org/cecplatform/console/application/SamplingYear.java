package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's sampling as the Sampling page shows it: per level the pool (renewals, selected at random, rate, target,
 * hand-selected), whether the draw kept its promise to stay within one of the target, and where the level's audits
 * ended. {@code asOf} is the audit-service's today: the open and overdue counts stand on it.
 */
public record SamplingYear(int year, LocalDate asOf, List<LevelFigures> levels, SamplingApi.Outcomes allOutcomes) {

    /** Where the audits one way of selection opened ended; {@code key} names the row for the page. */
    public record OutcomeRow(String key, String label, SamplingApi.Outcomes counts) {
    }

    /** One level: the sampling report's row and the outcomes report's. */
    public record LevelFigures(String credential, long renewals, long selected, BigDecimal rate, BigDecimal target,
                               long handSelected, SamplingApi.LevelOutcomes outcomes) {

        /**
         * The sampler's promise (README of the audit-service, "Within one"): after n renewals the count selected
         * differs from rate × n by less than one. For a whole count that means from floor(target) to ceil(target).
         */
        public long lowestAllowed() {
            return target.setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        public long highestAllowed() {
            return target.setScale(0, RoundingMode.CEILING).longValueExact();
        }

        public boolean withinOne() {
            return selected >= lowestAllowed() && selected <= highestAllowed();
        }

        /** The outcomes table's two rows of the level: audits opened by the random draw, and by hand. */
        public List<OutcomeRow> outcomeRows() {
            return List.of(new OutcomeRow("random", "at random", outcomes.random()),
                    new OutcomeRow("by-hand", "by hand", outcomes.byHand()));
        }

        /** "10 %", "33.3 %". */
        public String ratePercent() {
            return plain(rate.multiply(BigDecimal.valueOf(100))) + " %";
        }

        /** The target to two decimals at most: "0.3", "2", "0.33". */
        public String targetText() {
            return plain(target.setScale(2, RoundingMode.HALF_UP));
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }
}
