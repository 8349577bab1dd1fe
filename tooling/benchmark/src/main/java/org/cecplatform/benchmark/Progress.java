package org.cecplatform.benchmark;

import java.io.PrintStream;

/** A one-line progress bar on stderr (redrawn at most every 500 ms), so long phases show they are moving. */
public final class Progress {

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastDraw;

    public Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    public static Progress silent() {
        return new Progress(null, "", 0);
    }

    public void step(long done) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 500_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        out.printf("\r  %-28s [%s%s] %,d/%,d", label, "#".repeat(filled), ".".repeat(width - filled), done, total);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
