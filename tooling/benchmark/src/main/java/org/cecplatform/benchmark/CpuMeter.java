package org.cecplatform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;

/**
 * CPU time spent over a part, by process: each service, the broker (when it runs in a child process) and the rest of
 * the machine (PostgreSQL, the benchmark's own clients, the system). Divided by the records it handled, it is a figure
 * the machine's speed of the day moves much less than a rate, so two codes can be compared across days.
 */
final class CpuMeter {

    static final String KAFKA = "kafka";
    static final String REST = "rest";
    /** The kernel's clock ticks per second for /proc/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    record Snapshot(Map<String, Duration> processes, OptionalLong machineBusyTicks) {
    }

    private final LocalStackCluster cluster;

    CpuMeter(LocalStackCluster cluster) {
        this.cluster = cluster;
    }

    Snapshot take() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            cpu.put(service.moduleName().replace("-service", ""), cpuOf(cluster.pid(service)));
        }
        cluster.kafkaPid().ifPresent(pid -> cpu.put(KAFKA, cpuOf(pid)));
        return new Snapshot(cpu, machineBusyTicks());
    }

    /** Milliseconds of CPU per 1,000 records between two snapshots, by process, and the rest when /proc/stat is read. */
    static Map<String, Double> perThousand(Snapshot before, Snapshot after, long records) {
        Map<String, Double> ms = new LinkedHashMap<>();
        double processes = 0;
        for (Map.Entry<String, Duration> e : after.processes().entrySet()) {
            Duration start = before.processes().getOrDefault(e.getKey(), Duration.ZERO);
            double spent = e.getValue().minus(start).toNanos() / 1e6;
            processes += spent;
            ms.put(e.getKey(), spent * 1000 / records);
        }
        if (before.machineBusyTicks().isPresent() && after.machineBusyTicks().isPresent()) {
            double machine = (after.machineBusyTicks().getAsLong() - before.machineBusyTicks().getAsLong())
                    / TICKS_PER_SECOND * 1000;
            ms.put(REST, Math.max(0, machine - processes) * 1000 / records);
        }
        return ms;
    }

    private static Duration cpuOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** All CPUs' busy time (user, nice, system, irq, softirq, steal) from the first line of /proc/stat. */
    private static OptionalLong machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return OptionalLong.of(busy);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // not Linux: the rest is left out
        }
    }
}
