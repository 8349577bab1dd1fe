package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a process's resident set size from Linux's /proc/&lt;pid&gt;/status (the VmRSS line, in kB). */
final class ProcStatus {

    private ProcStatus() {
    }

    /** Empty when the process is gone or the platform has no /proc. */
    static OptionalLong rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:\t  123456 kB"
                    return OptionalLong.of(Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
