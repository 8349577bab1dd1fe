package org.cecplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void writesSectionsAsJsonAndRowsAsATable(@TempDir Path dir) throws Exception {
        Report report = new Report();
        report.put("pipeline", "cecPerSecond", 6543.2).put("pipeline", "lagMs", new LatencyStats(10, 1.5, 9.25, 12));
        report.row("pipeline end to end (CEC/s)", Report.fmt(6543.2), ">= 5,000");

        Path file = dir.resolve("sub/report.json");
        report.writeJson(file);
        JsonNode json = Api.JSON.readTree(file.toFile());
        assertThat(json.path("pipeline").path("cecPerSecond").asDouble()).isEqualTo(6543.2);
        assertThat(json.path("pipeline").path("lagMs").path("p99Ms").asDouble()).isEqualTo(9.25);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printTable(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| pipeline end to end (CEC/s) | 6,543 | >= 5,000");
    }

    @Test
    void readsProducerPerformancesSummaryLine() {
        RawKafka.Result r = RawKafka.parse("200000 records sent, 151234.5 records/sec (34.56 MB/sec), 120.1 ms avg"
                + " latency, 300.0 ms max latency, 100 ms 50th, 250 ms 95th, 280 ms 99th, 299 ms 99.9th.", 240);
        assertThat(r.records()).isEqualTo(200_000);
        assertThat(r.recordsPerSecond()).isEqualTo(151234.5);
        assertThat(r.recordSize()).isEqualTo(240);
    }

    @Test
    void countsDisagreeWhenAnyStageLostOrDuplicatedACredit() {
        assertThat(new Correctness.Counts(10, 10, 10, 10, 0, 0).disagreements()).isEmpty();
        assertThat(new Correctness.Counts(10, 9, 9, 9, 0, 0).disagreements()).hasSize(1);
        assertThat(new Correctness.Counts(10, 10, 11, 10, 0, 0).disagreements()).hasSize(1);
        assertThat(new Correctness.Counts(10, 10, 10, 9, 0, 0).disagreements()).hasSize(1);
        assertThat(new Correctness.Counts(10, 10, 10, 10, 1, 0).disagreements()).hasSize(1);
    }

    @Test
    void creditIdsAreDerivedAsTheLedgerDerivesThem() {
        CompletionMessages m = new CompletionMessages("t", "p", 3, "2026-01-01");
        assertThat(m.certificant(4)).isEqualTo("bench-t-p-c1");
        assertThat(new String(m.json(4), StandardCharsets.UTF_8)).contains("\"completionId\":\"bench-t-p-completion-4\"");
        assertThat(CompletionMessages.creditId("x")).isEqualTo(
                java.util.UUID.nameUUIDFromBytes("lms:x".getBytes(StandardCharsets.UTF_8)));
    }
}
