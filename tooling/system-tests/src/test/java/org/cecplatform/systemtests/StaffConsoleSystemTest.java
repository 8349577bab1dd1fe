package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The staff console in a real browser against the real stack: a staff member signs in through the stack's development
 * provider, finds a person, reads their certification and progress, records a credit that came on paper (first with
 * an amount the console refuses next to the field), voids a credit (first without a reason, which the
 * ledger refuses next to the field), opens the audit queue; a certificant who signs in gets 403. Each page is saved
 * under target/screenshots, and axe-core finds no serious accessibility violation on any of the console's pages.
 */
@SystemTest
class StaffConsoleSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");

    @Test
    void staffFindAPersonSeeTheirProgressAndVoidACreditWithAReason(SystemUnderTest sut) {
        Certificant person = Certificant.fresh(sut, "console");
        LocalDate today = LocalDate.now(Certificant.POLICY_ZONE);
        person.grant("CPT", today.minusMonths(6).toString());
        person.selfReport("Kettlebell fundamentals", "10", today.minusDays(20).toString());
        person.selfReport("Duplicate kettlebell entry", "5", today.minusDays(10).toString());
        person.awaitTracked("CPT", "15");

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(sut.staffConsoleUrl() + "/");
            // the console sends the browser to the provider's sign-in page
            assertThat(page.title()).isEqualTo("Local sign-in");
            Browser.screenshot(page, SCREENSHOTS, "console-01-sign-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("sam.staff")).click();

            page.waitForURL(sut.staffConsoleUrl() + "/");
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Find a person")).waitFor();
            assertThat(page.locator(".who").textContent()).contains("sam.staff", "staff");
            Browser.screenshot(page, SCREENSHOTS, "console-02-home");
            Accessibility.assertNoSeriousViolations(page);

            // keyboard only: type the id, Enter
            page.getByLabel("Certificant id").fill(person.id);
            page.getByLabel("Certificant id").press("Enter");
            page.waitForURL("**/people/" + person.id);

            Locator cpt = page.locator("#certification-CPT");
            assertThat(cpt.textContent()).contains("Certified Personal Trainer", "ACTIVE");
            assertThat(cpt.locator(".tracked").textContent()).isEqualTo("15.0");
            assertThat(page.locator("#progress-CPT").getAttribute("value")).isEqualTo("33"); // 15 of 45
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Kettlebell fundamentals"))
                    .textContent()).contains("SELF_REPORTED", "counted");
            Browser.screenshot(page, SCREENSHOTS, "console-03-person");
            Accessibility.assertNoSeriousViolations(page);

            // staff record a credit that came on paper: an amount that is not a number is refused next to the field,
            // what was typed kept; then recorded, as STAFF_ENTERED
            page.getByLabel("Title").fill("Foam rolling workshop");
            page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).fill("Regional Fitness Association");
            page.getByLabel("Provider kind").selectOption("MAJOR_FITNESS_ORGANIZATION");
            page.getByLabel("Category").selectOption("GENERAL");
            page.getByLabel("Completed on").fill(today.minusDays(5).toString());
            page.getByLabel("Amount").fill("two");
            page.getByLabel("Within the scope of the certification").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record credit")).click();
            page.locator("#credit-amount-error").waitFor();
            assertThat(page.locator("#credit-amount-error").textContent()).contains("must be a number");
            assertThat(page.getByLabel("Title").inputValue()).isEqualTo("Foam rolling workshop");
            Browser.screenshot(page, SCREENSHOTS, "console-03b-record-refused");
            Accessibility.assertNoSeriousViolations(page);
            page.getByLabel("Amount").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record credit")).click();
            Locator recorded = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Foam rolling workshop"));
            recorded.waitFor();
            assertThat(recorded.textContent()).contains("STAFF_ENTERED", "2.0", "counted");

            Locator duplicate = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Duplicate kettlebell entry"));
            duplicate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Void")).click();
            page.locator(".error").waitFor(); // the refusal page
            duplicate = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Duplicate kettlebell entry"));
            Locator reason = duplicate.getByLabel("Reason");
            assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
            String refusal = duplicate.locator(".error").textContent();
            assertThat(refusal).as("the ledger's own words, next to the field").contains("is required");
            assertThat(duplicate.textContent()).contains("counted");
            Browser.screenshot(page, SCREENSHOTS, "console-04-void-refused");
            Accessibility.assertNoSeriousViolations(page);

            reason.fill("Entered twice: same course as Kettlebell fundamentals");
            reason.press("Enter");
            duplicate = page.locator("tr.voided").filter(new Locator.FilterOptions().setHasText("Duplicate kettlebell entry"));
            duplicate.waitFor(); // back on the person's page, the credit voided
            assertThat(duplicate.locator(".state").textContent()).contains("Voided: Entered twice", "by sam.staff");
            Browser.screenshot(page, SCREENSHOTS, "console-05-voided");
            Accessibility.assertNoSeriousViolations(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit queue")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit queue")).waitFor();
            assertThat(page.locator(".counts li").count()).as("a count per status").isEqualTo(6);
            page.locator("#status").selectOption("OPEN");
            page.locator("#year").fill("20x6");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.locator("#year-error").textContent()).contains("must be a year");
            page.locator("#year").fill(Integer.toString(today.getYear()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.locator("p.count").textContent()).contains("audit(s)");
            Browser.screenshot(page, SCREENSHOTS, "console-06-audit-queue");
            Accessibility.assertNoSeriousViolations(page);
        }
    }

    @Test
    void aCertificantWhoSignsInGets403OnEveryPage(SystemUnderTest sut) {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "C-000001");

            assertThat(page.getByRole(AriaRole.HEADING).first().textContent()).contains("403");
            Browser.screenshot(page, SCREENSHOTS, "console-07-certificant-403");
            Accessibility.assertNoSeriousViolations(page);
            for (String path : new String[] {"/", "/people/C-000001", "/audits", "/lookup?certificantId=C-000001"}) {
                assertThat(page.request().get(sut.staffConsoleUrl() + path).status()).as(path).isEqualTo(403);
            }
        }
    }
}
