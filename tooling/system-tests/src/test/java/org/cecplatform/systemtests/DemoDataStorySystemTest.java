package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cecplatform.localstack.PlatformService;
import org.cecplatform.localstack.demo.DemoLoader;
import org.cecplatform.localstack.demo.DemoPopulation;
import org.cecplatform.localstack.demo.DemoReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo loader ({@code deploy/demo-data.sh}, {@code local-stack demo}) with a small population against the shared
 * stack, in a year no other test renews in: the per-level counts it prints are the sampling report's.
 */
@SystemTest
class DemoDataStorySystemTest {

    private static final LocalDate DEMO_DAY = LocalDate.parse("2032-06-15");
    /** One printed row: level, rate, demo renewals, report renewals, demo selected, report selected, verdict. */
    private static final Pattern ROW = Pattern.compile("(?m)^(\\w+)\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(ok|MISMATCH)$");

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void theDemoLoaderFillsTheStackAndItsCountsMatchTheSamplingReport(SystemUnderTest sut) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DemoLoader loader = new DemoLoader(new DemoLoader.Settings(sut.baseUrl(PlatformService.LEDGER),
                sut.baseUrl(PlatformService.RENEWAL), sut.baseUrl(PlatformService.AUDIT), sut.cluster().kafkaLogins(),
                sut::token, sut.cluster().paymentProvider(), DEMO_DAY, 2, Duration.ofMinutes(3)), new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertThat(loader.today()).isEqualTo(DEMO_DAY);
        DemoPopulation population = DemoPopulation.generate(60, 7, DEMO_DAY);
        DemoReport report = loader.load(population);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println("[demo] " + table);
        assertThat(report.failures()).as("failed calls").isEmpty();
        assertThat(progress.toString(StandardCharsets.UTF_8)).as("progress bar").contains("certificants").contains("100%");
        assertThat(report.renewals()).as("renewals").isEqualTo(population.renewing()).isPositive();

        // the printed rows against the report as this test reads it (nobody else renews in this year)
        JsonNode sampling = Certificant.json(sut.audit(STAFF, "checker").get("/api/v1/sampling/{year}", DEMO_DAY.getYear())
                .then().statusCode(200).extract().response());
        Matcher row = ROW.matcher(table);
        int rows = 0;
        while (row.find()) {
            rows++;
            JsonNode level = level(sampling, row.group(1));
            assertThat(Long.parseLong(row.group(3))).as(row.group(1) + " renewals").isEqualTo(level.path("renewals").asLong());
            assertThat(Long.parseLong(row.group(5))).as(row.group(1) + " selected").isEqualTo(level.path("selected").asLong());
            assertThat(row.group(7)).isEqualTo("ok");
        }
        assertThat(rows).as("a row per level").isEqualTo(sampling.path("levels").size()).isEqualTo(7);
        JsonNode cpt = level(sampling, "CPT");
        assertThat(cpt.path("selected").asLong()).as("every CPT renewal is sampled in the system tests")
                .isEqualTo(cpt.path("renewals").asLong());
        assertThat(report.matches()).isTrue();
        assertThat(table).contains("The sampling report matches");

        // every other audited person answered: their audits wait for review with the certificates they uploaded
        assertThat(report.auditsAnswered()).as("audits answered (every other audited person; this seed answers)")
                .isPositive().isLessThanOrEqualTo(report.audits());
        assertThat(table).contains(report.audits() + " audits opened on these renewals; " + report.auditsAnswered()
                + " answered");
        JsonNode submitted = Certificant.json(sut.audit(STAFF, "checker").get("/api/v1/audits?status=SUBMITTED&year={year}&size=500",
                DEMO_DAY.getYear()).then().statusCode(200).extract().response());
        assertThat(submitted.path("totalItems").asLong()).isEqualTo(report.auditsAnswered());
    }

    /** The documented command, as a person runs it: the script, the launcher's options, the exit code. */
    @Test
    void theDemoScriptLoadsAndExitsZeroWhenTheCountsMatch(SystemUnderTest sut) throws Exception {
        Path root = RepoRoot.path();
        ProcessBuilder script = new ProcessBuilder("deploy/demo-data.sh", "--certificants", "12", "--seed", "33", "--today", "2033-06-15")
                .directory(root.toFile()).redirectErrorStream(true);
        script.environment().put("LEDGER", sut.baseUrl(PlatformService.LEDGER));
        script.environment().put("RENEWAL", sut.baseUrl(PlatformService.RENEWAL));
        script.environment().put("AUDIT", sut.baseUrl(PlatformService.AUDIT));
        script.environment().put("KAFKA_BOOTSTRAP_SERVERS", sut.cluster().bootstrapServers());
        script.environment().put("CEC_STACK_DATA", sut.cluster().dataDir().toString());
        Process process = script.start();
        process.getOutputStream().close();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("[demo-data.sh] " + output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Loading 12 certificants").contains("on 2033-06-15").contains("The sampling report matches");
    }

    private static JsonNode level(JsonNode sampling, String credential) {
        for (JsonNode level : sampling.path("levels")) {
            if (level.path("credential").asText().equals(credential)) {
                return level;
            }
        }
        throw new AssertionError("no level " + credential + " in " + sampling);
    }
}
