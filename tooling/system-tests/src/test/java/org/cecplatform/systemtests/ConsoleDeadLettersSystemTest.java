package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.PlatformService;
import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.http.ContentType;

/**
 * Dead letters in a real browser against the real stack: two course completions the ledger-service rejects (one
 * unreadable, one dated tomorrow) are listed in the ledger's section with their reasons; a staff member requeues the
 * unreadable one (FAILED_AGAIN, still unreadable) and, once the ledger's day has caught up with the completion's date,
 * the other (PROCESSED: the credit is on the person's page). Who requeued what and when is listed. The console only
 * calls the ledger-service's API; nothing is written to Kafka but the test's own two intake messages.
 */
@SystemTest
class ConsoleDeadLettersSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");

    @Test
    void staffSeeTheLedgersDeadLettersRequeueOneThatFailsAgainAndOneThatIsProcessedOnceItsDayHasCome(SystemUnderTest sut) {
        Certificant person = Certificant.fresh(sut, "deadletters");
        LocalDate today = LocalDate.now(Certificant.POLICY_ZONE);
        person.grant("CPT", today.minusMonths(6).toString());
        String unreadable = "DL-BAD-" + UUID.randomUUID();
        String early = "DL-EARLY-" + UUID.randomUUID();
        sut.kafka().produce(Topics.LMS_COURSE_COMPLETIONS, person.id,
                "{\"completionId\":\"" + unreadable + "\",\"memberId\":\"" + person.id + "\",\"cecs\":");
        sut.kafka().produce(Topics.LMS_COURSE_COMPLETIONS, person.id, "{\"completionId\":\"" + early
                + "\",\"memberId\":\"" + person.id + "\",\"courseId\":\"CRS-9\",\"courseTitle\":\"Sleep and recovery\","
                + "\"cecs\":2,\"completedAt\":\"" + today.plusDays(1) + "\"}");

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dead letters")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dead letters")).waitFor();
            Locator ledger = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ledger-service"))));
            awaitListed(page, ledger, unreadable);
            awaitListed(page, ledger, early);
            Locator bad = row(ledger, unreadable);
            Locator tomorrow = row(ledger, early);
            assertThat(bad.textContent()).contains("ledger.lms", Topics.LMS_COURSE_COMPLETIONS, "unreadable",
                    "not requeued");
            assertThat(tomorrow.locator(".reason").textContent()).contains("completedAt " + today.plusDays(1)
                    + " is in the future");
            assertThat(page.locator("section h2").allTextContents()).as("a section per service")
                    .hasSize(4).anyMatch(h -> h.startsWith("notification-service"));
            Browser.screenshot(page, SCREENSHOTS, "console-deadletters-01-listed");
            Accessibility.assertNoSeriousViolations(page);

            // still unreadable: the ledger's consumer rejects it again, and says so
            bad.getByRole(AriaRole.BUTTON).click();
            page.waitForURL("**/dead-letters?service=ledger&requeued=*");
            assertThat(page.locator(".notice").textContent()).contains("FAILED_AGAIN");
            bad = row(ledger, unreadable);
            assertThat(bad.locator(".requeues").textContent()).contains("FAILED_AGAIN", "by sam.staff", "unreadable");
            assertThat(bad.getByRole(AriaRole.BUTTON).count()).as("it may be requeued again").isEqualTo(1);
            Browser.screenshot(page, SCREENSHOTS, "console-deadletters-02-failed-again");
            Accessibility.assertNoSeriousViolations(page);

            // two days later on the ledger's clock the completion's date has come: the same message now counts
            moveLedgerClock(sut, Instant.now().plus(Duration.ofDays(2)));
            try {
                tomorrow = row(ledger, early);
                tomorrow.getByRole(AriaRole.BUTTON).click();
                page.waitForURL("**/dead-letters?service=ledger&requeued=*");
            } finally {
                sut.request(PlatformService.LEDGER, STAFF, "system-test").delete("/api/v1/admin/clock")
                        .then().statusCode(200);
            }
            assertThat(page.locator(".notice").textContent()).contains("PROCESSED");
            tomorrow = row(ledger, early);
            assertThat(tomorrow.locator(".requeues").textContent()).contains("PROCESSED", "by sam.staff");
            assertThat(tomorrow.getByRole(AriaRole.BUTTON).count()).as("processed: no second requeue").isZero();
            Browser.screenshot(page, SCREENSHOTS, "console-deadletters-03-processed");
            Accessibility.assertNoSeriousViolations(page);

            page.navigate(sut.staffConsoleUrl() + "/people/" + person.id);
            Locator credit = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Sleep and recovery"));
            assertThat(credit.textContent()).contains("CE_ONLINE", "counted");
            Browser.screenshot(page, SCREENSHOTS, "console-deadletters-04-credit-counted");
        }
    }

    /** The dead letter whose message names this completion id. */
    private static Locator row(Locator section, String completionId) {
        return section.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(completionId));
    }

    /** Dead-lettering takes the consumer a moment: reload until the row is there (30 s at most). */
    private static void awaitListed(Page page, Locator section, String completionId) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (row(section, completionId).count() == 0) {
            assertThat(System.nanoTime()).as("dead letter " + completionId + " listed within 30 s").isLessThan(until);
            page.waitForTimeout(500);
            page.reload();
        }
    }

    private static void moveLedgerClock(SystemUnderTest sut, Instant now) {
        sut.request(PlatformService.LEDGER, STAFF, "system-test").contentType(ContentType.JSON)
                .body(Map.of("now", now.toString())).put("/api/v1/admin/clock").then().statusCode(200);
    }
}
