package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
                sut.baseUrl(PlatformService.RENEWAL), sut.baseUrl(PlatformService.AUDIT), sut.cluster().bootstrapServers(),
                sut::token, DEMO_DAY, 2, Duration.ofMinutes(3)), new PrintStream(progress, true, StandardCharsets.UTF_8));
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
