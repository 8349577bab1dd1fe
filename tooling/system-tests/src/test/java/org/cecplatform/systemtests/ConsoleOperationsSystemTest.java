package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Operations page in a real browser against the real stack (the services' own admin endpoints, their own Kafka
 * logins and ACLs): staff see each service's consumer groups with a lag figure and its jobs with their last run, run
 * a job and see its last run change, move the local stack's clocks and put them back; an auditor sees the page
 * without any button. Screenshots under target/screenshots, axe-core on each page.
 */
@SystemTest
class ConsoleOperationsSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");
    private static final String[] SERVICES = {"ledger", "renewal", "audit", "notification"};

    @Test
    void staffSeeLagAndJobsRunAJobAndMoveTheClocks(SystemUnderTest sut) {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operations")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Operations").setExact(true)).waitFor();

            for (String service : SERVICES) {
                Locator section = section(page, service);
                assertThat(section.locator(".error").count()).as(service + ": every part read").isZero();
                assertThat(section.locator(".service-clock").textContent()).contains("Service time");
                assertThat(section.locator("table.lag tbody tr").count()).as(service + ": its groups").isPositive();
                assertThat(section.locator(".total-lag").first().textContent()).matches("\\d+");
            }
            assertThat(section(page, "ledger").locator("table.lag").textContent())
                    .contains("ledger-service.lms", "lms.course-completions.v1");
            assertThat(section(page, "ledger").textContent()).contains("This service has no scheduled jobs.");
            assertThat(section(page, "notification").locator("table.jobs").textContent())
                    .contains("notice-sender", "notice-reminders", "on request only");
            section(page, "audit").getByText("Offsets per partition").click(); // the details, by partition
            assertThat(section(page, "audit").locator("details.partitions table").textContent())
                    .contains("audit-service.renewals", "cec.renewals.v1");
            Browser.screenshot(page, SCREENSHOTS, "console-operations-01-staff");
            Accessibility.assertNoSeriousViolations(page);

            Locator deadlines = page.locator("#job-audit-audit-deadlines");
            String startedBefore = deadlines.locator("td").nth(2).textContent();
            deadlines.getByRole(AriaRole.BUTTON).click();
            page.waitForURL(Pattern.compile(".*/operations\\?service=audit&job=audit-deadlines#job-audit-audit-deadlines$"));
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Ran audit-deadlines", "SUCCEEDED");
            deadlines = page.locator("#job-audit-audit-deadlines");
            assertThat(deadlines.getAttribute("class")).contains("just-ran");
            assertThat(deadlines.textContent()).contains("SUCCEEDED", "on request");
            assertThat(deadlines.locator("td").nth(2).textContent()).as("a new last run").isNotEqualTo(startedBefore)
                    .endsWith("UTC");
            Browser.screenshot(page, SCREENSHOTS, "console-operations-02-job-run");
            Accessibility.assertNoSeriousViolations(page);

            // the local stack's clocks: a wrong time is refused next to the field, a right one moves all four
            Locator now = page.getByLabel("New time for every service (UTC)");
            now.fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move all clocks")).click();
            assertThat(page.locator("#now-error").textContent()).contains("Enter a date and time");
            assertThat(page.getByLabel("New time for every service (UTC)").getAttribute("aria-invalid")).isEqualTo("true");
            Browser.screenshot(page, SCREENSHOTS, "console-operations-03-clock-refused");
            Accessibility.assertNoSeriousViolations(page);

            LocalDate target = LocalDate.now(ZoneOffset.UTC).plusYears(1).withMonth(3).withDayOfMonth(1);
            page.getByLabel("New time for every service (UTC)").fill(target + "T09:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move all clocks")).click();
            page.waitForURL(Pattern.compile(".*/operations#clock$"));
            try {
                for (String service : SERVICES) {
                    assertThat(section(page, service).locator(".service-clock").textContent()).as(service)
                            .contains(target.toString(), "moved by");
                }
                Browser.screenshot(page, SCREENSHOTS, "console-operations-04-clock-moved");
                Accessibility.assertNoSeriousViolations(page);
            } finally {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to system time")).click();
            }
            // the same address again: wait for the new page to say so
            PlaywrightAssertions.assertThat(page.locator(".service-clock").filter(new Locator.FilterOptions()
                    .setHasText("moved by"))).hasCount(0);
            assertThat(section(page, "renewal").locator(".service-clock").textContent()).doesNotContain(target.toString());
        }
    }

    @Test
    void anAuditorSeesLagJobsAndClockWithoutButtons(SystemUnderTest sut) {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "alex.auditor");
            page.navigate(sut.staffConsoleUrl() + "/operations");
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Operations").setExact(true)).waitFor();

            assertThat(page.locator("table.lag").count()).isPositive();
            assertThat(page.locator("table.jobs").count()).isEqualTo(3); // the ledger runs no jobs
            assertThat(page.locator(".service-clock").count()).isEqualTo(SERVICES.length);
            assertThat(page.getByRole(AriaRole.BUTTON).count()).as("no Run now, no clock form").isZero();
            Browser.screenshot(page, SCREENSHOTS, "console-operations-05-auditor");
            Accessibility.assertNoSeriousViolations(page);
            // and posting anyway is refused
            assertThat(page.request().post(sut.staffConsoleUrl() + "/operations/audit/jobs/audit-deadlines/run").status())
                    .isIn(400, 403);
        }
    }

    private static Locator section(Page page, String service) {
        return page.locator("section.service").filter(new Locator.FilterOptions()
                .setHas(page.locator("#service-" + service)));
    }
}
