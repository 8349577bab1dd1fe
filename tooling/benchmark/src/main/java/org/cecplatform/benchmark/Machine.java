package org.cecplatform.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Where and when the figures were taken: they mean little without the machine and its load. */
final class Machine {

    static void describe(Report report, Settings settings, boolean quick) {
        report.put("run", "date", Instant.now().toString());
        report.put("run", "profile", quick ? "quick" : "default");
        report.put("run", "settings", settings);
        report.put("run", "processors", Runtime.getRuntime().availableProcessors());
        report.put("run", "memTotalKb", memTotalKb());
        report.put("run", "loadAverageAtStart", loadAverage());
        report.put("run", "java", System.getProperty("java.version"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long memTotalKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: left out
        }
        return -1;
    }

    private Machine() {
    }
}
