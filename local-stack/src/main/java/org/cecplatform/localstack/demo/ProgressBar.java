package org.cecplatform.localstack.demo;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place (carriage return) at most every 200 ms and at the end. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastDrawn;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    synchronized void update(long done, String detail) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 200_000_000L) {
            return;
        }
        lastDrawn = now;
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        out.printf("\r%-13s [%s%s] %3d%% %d/%d %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * Math.min(done, total) / total, done, total, detail);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
