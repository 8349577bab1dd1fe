package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cecplatform.localstack.PlatformService;
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
 * The staff console's person page in a real browser against the real stack. Staff grant a certification to a fresh
 * person in the page (a future date refused next to the field first) and set their contact address; the credits,
 * recorded through the ledger's API beforehand, include committee service past its yearly cap, which the page marks.
 * Then the history timeline (the grant by sam.staff), the explained progress (a CAP_REACHED line), a future as-of day
 * refused next to the field; and a person reinstated after a lapse (made through the APIs with the services' clocks
 * moved into the past) shows the gap, and as of a day in their grace period shows that day's status. Each page is
 * saved under target/screenshots and checked with axe-core; an auditor sees the file without the staff's forms, contact
 * and notices.
 */
@SystemTest
class ConsolePersonSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void staffGrantSetTheContactAndReadCapsHistoryAsOfProgressAndAReinstatementsGap(SystemUnderTest sut) {
        LocalDate today = LocalDate.now(Certificant.POLICY_ZONE);
        Certificant reinstated = reinstatedAfterALapse(sut, today.getYear());
        sut.resetClockEverywhere();

        Certificant person = Certificant.fresh(sut, "console-person");
        recordCredit(sut, person, "Regional board service", "COMMITTEE_SERVICE", "10", today.minusDays(40));
        recordCredit(sut, person, "Program design course", "GENERAL", "20", today.minusDays(30));

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");
            page.navigate(sut.staffConsoleUrl() + "/people/" + person.id);
            assertThat(page.locator("#certifications-heading + p").textContent()).isEqualTo("No certifications.");

            // a grant dated in the future: the renewal-service's refusal next to the date
            page.locator("#grant-credential").selectOption("CPT");
            page.locator("#grant-certifiedOn").fill(today.plusDays(2).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grant")).click();
            assertThat(page.locator("#grant-certifiedOn-error").textContent()).contains("must not be in the future");
            assertThat(page.locator("#grant-certifiedOn").getAttribute("aria-invalid")).isEqualTo("true");
            Browser.screenshot(page, SCREENSHOTS, "console-person-01-grant-refused");
            Accessibility.assertNoSeriousViolations(page);

            page.locator("#grant-certifiedOn").fill(today.minusMonths(6).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grant")).click();
            page.locator("#certification-CPT").waitFor();
            person.awaitTracked("CPT", "28"); // 20 general + committee service cut from 10 to its yearly cap of 8
            page.reload();
            Locator committee = page.locator("#categories-CPT tr").filter(new Locator.FilterOptions().setHasText("COMMITTEE_SERVICE"));
            assertThat(committee.textContent()).contains("8.0", "10.0", "8 a year, 24 a cycle", "cap reached");
            Locator general = page.locator("#categories-CPT tr").filter(new Locator.FilterOptions().setHasText("GENERAL"));
            assertThat(general.textContent()).contains("20.0", "none").doesNotContain("cap reached");

            // the contact address: a wrong one refused next to the field, then set
            page.locator("#contact-email").fill("not an address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set address")).click();
            page.locator("#contact-email-error").waitFor();
            assertThat(page.locator("#contact-email").getAttribute("aria-invalid")).isEqualTo("true");
            String email = person.id + "@example.org";
            page.locator("#contact-email").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set address")).click();
            page.locator(".current-contact strong").filter(new Locator.FilterOptions().setHasText(email)).waitFor();
            await("the grant's notice on the page").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
                page.reload();
                return page.locator("table.notices").textContent().contains("CERTIFICATION_GRANTED");
            });
            Browser.screenshot(page, SCREENSHOTS, "console-person-02-granted-caps-contact");
            Accessibility.assertNoSeriousViolations(page);

            page.locator(".person-links a").click();
            page.waitForURL("**/people/" + person.id + "/history");
            Locator grant = page.locator("table.timeline tr").filter(new Locator.FilterOptions().setHasText("CertificationGranted"));
            assertThat(grant.locator(".actor").textContent()).isEqualTo("sam.staff");
            assertThat(page.locator("table.timeline tr").filter(new Locator.FilterOptions().setHasText("CECEarned")).count())
                    .isEqualTo(2);
            Browser.screenshot(page, SCREENSHOTS, "console-person-03-history");
            Accessibility.assertNoSeriousViolations(page);

            page.navigate(sut.staffConsoleUrl() + "/people/" + person.id);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Explained progress of CPT").setExact(false)).click();
            page.waitForURL("**/people/" + person.id + "/progress/CPT");
            Locator capped = page.locator("tr.reason-CAP_REACHED");
            assertThat(capped.textContent()).contains("Regional board service", "10.0", "8.0", "CAP_REACHED");
            assertThat(page.locator(".counted").textContent()).isEqualTo("28.0");
            Browser.screenshot(page, SCREENSHOTS, "console-person-04-explained-progress");
            Accessibility.assertNoSeriousViolations(page);

            // as of a day still to come: the services' refusal next to the field, the page as it stands
            page.navigate(sut.staffConsoleUrl() + "/people/" + person.id);
            page.locator("#asOf").fill(today.plusDays(2).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(page.locator("#asOf-error").textContent()).contains("the future is not known");
            assertThat(page.locator("#certification-CPT").isVisible()).isTrue();
            Browser.screenshot(page, SCREENSHOTS, "console-person-05-as-of-refused");
            Accessibility.assertNoSeriousViolations(page);

            // the reinstated person: the gap; and as of a day in their grace period, that day's status
            int year = today.getYear();
            page.navigate(sut.staffConsoleUrl() + "/people/" + reinstated.id);
            Locator reinstatement = page.locator("tr.renewal-REINSTATEMENT");
            assertThat(reinstatement.textContent()).contains("reinstatement", "165.00");
            assertThat(reinstatement.locator(".gap").textContent())
                    .isEqualTo((year - 1) + "-01-01 to " + (year - 1) + "-07-14 ("
                            + LocalDate.of(year - 1, 7, 14).getDayOfYear() + " days)");
            assertThat(page.locator("#certification-CPT .status").textContent()).isEqualTo("ACTIVE");
            Browser.screenshot(page, SCREENSHOTS, "console-person-06-reinstated-gap");
            Accessibility.assertNoSeriousViolations(page);

            page.locator("#asOf").fill((year - 1) + "-03-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            page.locator(".as-of-banner").waitFor();
            assertThat(page.locator(".as-of-banner").textContent()).contains("As of the end of " + (year - 1) + "-03-01");
            assertThat(page.locator("#certification-CPT .status").textContent()).isEqualTo("GRACE");
            assertThat(page.locator("table.renewals").count()).as("renewals are shown in today's view only").isZero();
            Browser.screenshot(page, SCREENSHOTS, "console-person-07-as-of-grace");
            Accessibility.assertNoSeriousViolations(page);

            // an auditor reads the same file, without the staff forms; contact and notices are the staff's
            browser.context().clearCookies();
            Browser.signIn(page, sut.staffConsoleUrl(), "alex.auditor");
            page.navigate(sut.staffConsoleUrl() + "/people/" + person.id);
            assertThat(page.locator("#categories-CPT").textContent()).contains("cap reached");
            assertThat(page.locator("#grant-credential").count()).isZero();
            assertThat(page.locator("#contact").textContent()).contains("to staff only").doesNotContain(email);
            Browser.screenshot(page, SCREENSHOTS, "console-person-08-auditor");
            Accessibility.assertNoSeriousViolations(page);
        }
    }

    /**
     * A CPT certified five years ago (Y-5), its credits earned in its final year, lapsed (15 July Y-1) and reinstated
     * that day: the services' clocks are moved to each day, so every event happened then.
     */
    private static Certificant reinstatedAfterALapse(SystemUnderTest sut, int year) {
        Certificant cpt = Certificant.fresh(sut, "console-reinstated");
        sut.setClockEverywhere(noon((year - 5) + "-03-01"));
        cpt.grant("CPT", (year - 5) + "-03-01");
        sut.setClockEverywhere(noon((year - 2) + "-05-01"));
        cpt.selfReport("Strength and conditioning seminar", "50", (year - 2) + "-04-20");
        cpt.awaitTracked("CPT", "50");

        String reinstatedOn = (year - 1) + "-07-15";
        sut.setClockEverywhere(noon(reinstatedOn));
        sut.runJob(PlatformService.RENEWAL, "certification-status");
        cpt.awaitStatus("CPT", "LAPSED");
        JsonNode renewal = Certificant.json(cpt.renew(cpt.renewalForm(List.of("CPT"), "10", "40", reinstatedOn))
                .then().statusCode(200).extract().response());
        assertThat(renewal.path("kind").asText()).isEqualTo("REINSTATEMENT");
        return cpt;
    }

    /** A credit the person reports through the ledger's API, in the category given. */
    private static void recordCredit(SystemUnderTest sut, Certificant person, String title, String category, String cecs,
                                     LocalDate completedOn) {
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("title", title);
        credit.put("provider", "Regional Fitness Association");
        credit.put("providerKind", "MAJOR_FITNESS_ORGANIZATION");
        credit.put("category", category);
        credit.put("completedOn", completedOn.toString());
        credit.put("amount", new BigDecimal(cecs));
        credit.put("unit", "CEC");
        credit.put("inScope", true);
        sut.ledger(CERTIFICANT, person.id).contentType(ContentType.JSON).body(credit)
                .post("/api/v1/certificants/{id}/credits", person.id).then().statusCode(201);
    }
}
