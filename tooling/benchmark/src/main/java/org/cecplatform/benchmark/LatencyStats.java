package org.cecplatform.benchmark;

import org.HdrHistogram.Histogram;

/** Percentiles of one histogram of microseconds, as milliseconds. */
public record LatencyStats(long count, double p50Ms, double p99Ms, double maxMs) {

    public static Histogram newHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    public static LatencyStats of(Histogram micros) {
        return new LatencyStats(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
    }
}
