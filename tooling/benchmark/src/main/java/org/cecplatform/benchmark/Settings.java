package org.cecplatform.benchmark;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What one run measures and how big each part is; the default profile is the issue's, {@link #quick()} a smoke run. */
public record Settings(int warmUpCompletions, int completions, int certificants, int steadyRate, int steadySeconds,
                       int readClients, int readSeconds, int grants, int renewals, int renewalClients,
                       Set<Part> parts) {

    /** The parts of a run, in the order they run. */
    public enum Part {
        RAW, PIPELINE, STEADY, READS, READS_WITH_UPLOADS, REBUILD, RENEWALS;

        /** {@code reads-with-uploads} or {@code READS_WITH_UPLOADS}. */
        static Part named(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static Settings defaults() {
        return new Settings(60_000, 200_000, 20_000, 5_000, 60, 32, 30, 2_000, 5_000, 32, EnumSet.allOf(Part.class));
    }

    public static Settings quick() {
        return new Settings(2_000, 10_000, 1_000, 1_000, 10, 32, 5, 200, 300, 32, EnumSet.allOf(Part.class));
    }

    /** Parses {@code --only pipeline,reads}; the rebuild needs the pipeline's events, so it brings the pipeline along. */
    public static Set<Part> parseParts(String only) {
        EnumSet<Part> parts = EnumSet.noneOf(Part.class);
        for (String name : only.split(",")) {
            if (!name.isBlank()) {
                parts.add(Part.named(name));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--only names no part; parts: raw,pipeline,steady,reads,reads-with-uploads,rebuild,renewals");
        }
        if (parts.contains(Part.REBUILD)) {
            parts.add(Part.PIPELINE);
        }
        return parts;
    }

    /** Whether the services consume completions in this run, and so are warmed up with some first. */
    public boolean consumesCompletions() {
        return runs(Part.PIPELINE) || runs(Part.STEADY);
    }

    public boolean runs(Part part) {
        return parts.contains(part);
    }

    /**
     * Certifications granted before reads and renewals: enough for both, and past them the certificants whose
     * audits take the uploads beside the reads (renewed and audited for that, so never among the renewal burst's).
     */
    public int certificationsToGrant() {
        int reads = runs(Part.READS) || runs(Part.READS_WITH_UPLOADS) ? grants : 0;
        int renewing = runs(Part.RENEWALS) ? renewals : 0;
        return Math.max(reads, renewing) + (runs(Part.READS_WITH_UPLOADS) ? ReadsWithUploads.AUDITS : 0);
    }
}
