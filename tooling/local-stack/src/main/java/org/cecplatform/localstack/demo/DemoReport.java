package org.cecplatform.localstack.demo;

import java.io.PrintStream;
import java.util.List;

/**
 * What the demo did in the renewal year, per level, next to what the audit-service's sampling report says changed in
 * the same time ({@code GET /api/v1/sampling/{year}} after minus before): they must be the same numbers; and how many
 * of the audits opened on its renewals the people answered (proof uploaded, form submitted: waiting for review).
 */
public record DemoReport(int year, long certificants, long certifications, long credits, List<Level> levels,
                         long audits, long auditsAnswered, List<String> failures) {

    /**
     * One level: {@code renewals} and {@code selected} as the demo counted them (its renewals, and those of them with an
     * audit); {@code reportRenewals} and {@code reportSelected} from the sampling report (increase during the load).
     */
    public record Level(String credential, long renewals, long selected, String rate, long reportRenewals, long reportSelected) {

        public boolean matches() {
            return renewals == reportRenewals && selected == reportSelected;
        }
    }

    public boolean matches() {
        return levels.stream().allMatch(Level::matches);
    }

    public long renewals() {
        return levels.stream().mapToLong(Level::renewals).sum();
    }

    public void print(PrintStream out) {
        out.printf("Loaded %d certificants, %d certifications, %d credits; %d renewals in %d.%n",
                certificants, certifications, credits, renewals(), year);
        out.printf("Renewals and audit sampling per level, %d (demo = counted by the loader; report = GET /api/v1/sampling/%d, change during the load):%n",
                year, year);
        out.printf("%-6s %6s %14s %15s %14s %15s  %s%n", "LEVEL", "RATE", "demo renewals", "report renewals",
                "demo selected", "report selected", "");
        for (Level l : levels) {
            out.printf("%-6s %6s %14d %15d %14d %15d  %s%n", l.credential(), l.rate(), l.renewals(), l.reportRenewals(),
                    l.selected(), l.reportSelected(), l.matches() ? "ok" : "MISMATCH");
        }
        out.println(matches() ? "The sampling report matches the demo's counts." : "MISMATCH between the demo's counts and the sampling report.");
        out.printf("%d audits opened on these renewals; %d answered by their people (certificates uploaded, form submitted:"
                + " waiting for review), the others wait for proof.%n", audits, auditsAnswered);
        if (!failures.isEmpty()) {
            out.printf("%d calls failed; the first ones:%n", failures.size());
            failures.stream().limit(5).forEach(f -> out.println("  " + f));
        }
    }
}
