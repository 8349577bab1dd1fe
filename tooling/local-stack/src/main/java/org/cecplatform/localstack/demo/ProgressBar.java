package org.cecplatform.localstack.demo;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place (carriage return) at most every 200 ms and at the end. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastDrawn;
    private long highest = -1;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void update(long done, String detail) {
        long now = System.nanoTime();
        boolean complete = done >= total;
        if (done <= highest && highest >= total || !complete && now - lastDrawn < 200_000_000L) {
            return; // finished already (a slower thread's older count), or drawn a moment ago
        }
        highest = Math.max(highest, done);
        lastDrawn = now;
        long percent = complete ? 100 : 100 * done / total;
        int filled = (int) (WIDTH * percent / 100);
        out.printf("\r%-13s [%s%s] %3d%% %d/%d %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, done, total, detail);
        if (complete) {
            out.println();
        }
        out.flush();
    }
}
