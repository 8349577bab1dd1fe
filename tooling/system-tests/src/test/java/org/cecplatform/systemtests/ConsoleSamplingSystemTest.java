package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.Certificant.json;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.http.ContentType;

/**
 * The console's Sampling page on the stack's own sampling (every CPT renewal is drawn, other levels at 10 %): people
 * renew in 2035 with the services' clock there, one CPT audit passes, the GEI renewal is audited at random or by hand.
 * Staff open Sampling (the year defaults to the services' 2035), every figure of the pools and the outcomes equals the
 * audit-service's own reports, the chart is there, a draw is recomputed and reproduced, bad renewal ids are answered
 * next to the field; an auditor reads the page and is told politely that recomputing a draw is for staff.
 */
@SystemTest
class ConsoleSamplingSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");
    private static final int YEAR = 2035;
    private static final List<String> OUTCOMES = List.of("opened", "passed", "remediated", "failed", "overdue", "inProgress");

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void staffAndAuditorsReadTheYearsSamplingAndStaffRecomputeADraw(SystemUnderTest sut) {
        Certificant passing = Certificant.fresh(sut, "sampling");
        Certificant open = Certificant.fresh(sut, "sampling");
        Certificant gei = Certificant.fresh(sut, "sampling");
        sut.setClockEverywhere(noon((YEAR - 3) + "-03-01"));
        passing.grant("CPT", (YEAR - 3) + "-03-01");
        open.grant("CPT", (YEAR - 3) + "-03-01");
        gei.grant("GEI", (YEAR - 3) + "-03-01");

        String day = YEAR + "-06-01";
        sut.setClockEverywhere(noon(day));
        String passedRenewal = renew(passing, "CPT", day);
        String openRenewal = renew(open, "CPT", day);
        String geiRenewal = renew(gei, "GEI", day);
        String passedAudit = passing.awaitAuditOf(passedRenewal).path("auditId").asText();
        String openAudit = open.awaitAuditOf(openRenewal).path("auditId").asText();
        pass(sut, passing, passedAudit, day);
        // GEI is drawn at 10 %: when the draw left it out, staff select it by hand
        JsonNode geiDraw = await("GEI renewal in its pool").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> json(sut.audit(STAFF, "checker").get("/api/v1/sampling/renewals/{id}", geiRenewal)), d -> d.has("ordinal"));
        if (!geiDraw.path("selected").asBoolean()) {
            sut.audit(STAFF, "selector").contentType(ContentType.JSON).body(Map.of("renewalId", geiRenewal))
                    .post("/api/v1/audits").then().statusCode(201);
        }
        JsonNode report = json(sut.audit(STAFF, "checker").get("/api/v1/sampling/{year}", YEAR).then().statusCode(200).extract().response());
        JsonNode outcomes = json(sut.audit(STAFF, "checker").get("/api/v1/sampling/{year}/outcomes", YEAR)
                .then().statusCode(200).extract().response());
        assertThat(level(report, "CPT").path("renewals").asInt()).isEqualTo(2);
        assertThat(level(outcomes, "CPT").path("random").path("passed").asInt()).isEqualTo(1);
        assertThat(level(outcomes, "GEI").path("all").path("opened").asInt()).isEqualTo(1);

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sampling").setExact(true)).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sampling and outcomes " + YEAR)).waitFor();
            assertThat(page.getByLabel("Year").inputValue()).as("the services' year by default").isEqualTo(Integer.toString(YEAR));
            assertTheFiguresAre(page, report, outcomes);
            assertThat(page.locator("#pool-CPT .bound").textContent()).contains("✓ within", "exactly 2");
            Locator chart = page.locator("figure.chart svg[role=img]");
            assertThat(chart.isVisible()).isTrue();
            assertThat(chart.locator("title").textContent()).contains("Selected at random against the target", Integer.toString(YEAR));
            assertThat(chart.locator("g.level").count()).isEqualTo(report.path("levels").size());
            assertThat(chart.locator("desc").textContent()).contains("CPT 2 selected, target 2 (within ±1)");
            Browser.screenshot(page, SCREENSHOTS, "console-sampling-01-year");
            Accessibility.assertNoSeriousViolations(page);

            page.getByLabel("Year").fill("0");
            page.getByLabel("Year").press("Enter");
            assertThat(page.locator("#year-error").textContent()).as("the audit-service's words").contains("must be a calendar year");

            // the open CPT audit's draw, recomputed from the seed: reproduced, with a link to its audit
            page.getByLabel("Renewal id").fill(openRenewal);
            page.getByLabel("Renewal id").press("Enter");
            page.waitForURL("**/sampling/draws?renewalId=" + openRenewal);
            assertThat(page.locator("#verdict").textContent()).contains("✓ Reproduced");
            assertThat(page.locator(".recorded-selected").textContent()).isEqualTo("yes");
            assertThat(page.locator(".recomputed-selected").textContent()).isEqualTo("yes");
            assertThat(page.locator("a[href='/audits/" + openAudit + "']").count()).isEqualTo(1);
            Browser.screenshot(page, SCREENSHOTS, "console-sampling-02-draw-reproduced");
            Accessibility.assertNoSeriousViolations(page);

            page.getByLabel("Renewal id").fill("not-a-renewal");
            page.getByLabel("Renewal id").press("Enter");
            assertThat(page.getByLabel("Renewal id").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#renewalId-error").textContent()).contains("must be a renewal id");
            page.getByLabel("Renewal id").fill("00000000-0000-4000-8000-000000000000");
            page.getByLabel("Renewal id").press("Enter");
            page.locator("#renewalId-error").filter(new Locator.FilterOptions().setHasText("is not in an audit pool")).waitFor();
            assertThat(page.locator("#verdict").count()).isZero();
            Browser.screenshot(page, SCREENSHOTS, "console-sampling-03-unknown-renewal");
            Accessibility.assertNoSeriousViolations(page);
        }

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "alex.auditor");
            page.navigate(sut.staffConsoleUrl() + "/sampling?year=" + YEAR);
            assertTheFiguresAre(page, report, outcomes);
            Browser.screenshot(page, SCREENSHOTS, "console-sampling-04-auditor");
            Accessibility.assertNoSeriousViolations(page);

            page.getByLabel("Renewal id").fill(openRenewal);
            page.getByLabel("Renewal id").press("Enter");
            assertThat(page.locator("#renewalId-error").textContent()).contains("Only staff may recompute a draw");
            Browser.screenshot(page, SCREENSHOTS, "console-sampling-05-auditor-draw-for-staff");
            Accessibility.assertNoSeriousViolations(page);
        }
    }

    /** Every level's pool figures and audit outcomes on the page are the audit-service's. */
    private static void assertTheFiguresAre(Page page, JsonNode report, JsonNode outcomes) {
        for (JsonNode l : report.path("levels")) {
            Locator row = page.locator("#pool-" + l.path("credential").asText());
            assertThat(row.locator(".renewals").textContent()).isEqualTo(l.path("renewals").asText());
            assertThat(row.locator(".selected").textContent()).isEqualTo(l.path("selected").asText());
            assertThat(row.locator(".hand").textContent()).isEqualTo(l.path("handSelected").asText());
            assertThat(row.locator(".rate").textContent())
                    .isEqualTo(l.path("rate").decimalValue().movePointRight(2).stripTrailingZeros().toPlainString() + " %");
            assertThat(new BigDecimal(row.locator(".target").textContent()))
                    .isEqualByComparingTo(l.path("target").decimalValue().setScale(2, RoundingMode.HALF_UP));
        }
        for (JsonNode l : outcomes.path("levels")) {
            Locator group = page.locator("#outcomes-" + l.path("credential").asText());
            for (Map.Entry<String, String> way : Map.of("random", "tr.random", "byHand", "tr.by-hand").entrySet()) {
                for (String field : OUTCOMES) {
                    String cell = "." + (field.equals("inProgress") ? "in-progress" : field);
                    assertThat(group.locator(way.getValue() + " " + cell).textContent()).as(l.path("credential") + " " + way.getKey() + " " + field)
                            .isEqualTo(l.path(way.getKey()).path(field).asText());
                }
            }
        }
    }

    private static JsonNode level(JsonNode report, String credential) {
        for (JsonNode l : report.path("levels")) {
            if (l.path("credential").asText().equals(credential)) {
                return l;
            }
        }
        throw new AssertionError("no level " + credential + " in " + report);
    }

    /** Renews on attested CECs and pays; returns the renewal id. */
    private static String renew(Certificant person, String credential, String day) {
        return json(person.renew(person.renewalForm(List.of(credential), "15", "30", day)).then().statusCode(200).extract().response())
                .path("renewalId").asText();
    }

    /** The person sends a certificate for 45 CECs and staff pass the audit. */
    private static void pass(SystemUnderTest sut, Certificant person, String auditId, String day) {
        String document = person.uploadProof(auditId, "certificate.pdf").path("documentId").asText();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", "Strength and conditioning course");
        item.put("provider", "NSCA");
        item.put("completedOn", java.time.LocalDate.parse(day).minusMonths(2).toString());
        item.put("cecs", 45);
        item.put("category", "GENERAL");
        item.put("documentIds", List.of(document));
        person.submit(auditId, List.of(item));
        sut.audit(STAFF, "reviewer").contentType(ContentType.JSON).body(Map.of("outcome", "PASSED"))
                .post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200);
    }
}
