package org.cecplatform.audit.domain.sampling;

/**
 * A level-year pool as the sampling report shows it: its rate, how many renewals entered and how many the draw
 * selected, and its seed (which only staff may see).
 */
public record PoolSummary(String level, SamplingRate rate, long renewals, long selected, Seed seed) {
}
