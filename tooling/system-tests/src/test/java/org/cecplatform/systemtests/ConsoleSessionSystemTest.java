package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The console's session in a real browser: a signed-in page keeps working after the access token it signed in with
 * has expired (the console refreshed it, and the audit-service accepts the new one), and a session left alone longer
 * than the idle timeout is sent to sign in again. Runs on the shared stack with the development provider's lifetimes
 * shortened for the test (tokens {@link #TOKEN}, idle {@link #IDLE}) and put back afterwards: a stack of its own
 * would cost minutes, and the lifetimes apply only to tokens issued while they are set.
 */
@SystemTest
class ConsoleSessionSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");
    private static final Duration TOKEN = Duration.ofSeconds(8);
    private static final Duration IDLE = Duration.ofSeconds(20);

    @Test
    void aPageKeepsWorkingPastTheTokensExpiryAndAnIdleSessionSignsInAgain(SystemUnderTest sut) throws InterruptedException {
        sut.cluster().devSignInLifetimes(TOKEN, IDLE);
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Instant signedIn = Instant.now();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");
            page.navigate(sut.staffConsoleUrl() + "/audits");
            assertTheAuditServiceAnswered(page);
            Browser.screenshot(page, SCREENSHOTS, "console-session-01-signed-in");

            // past the expiry of the token the person signed in with, well inside the idle timeout
            sleepUntil(signedIn.plus(TOKEN).plusSeconds(2));
            page.navigate(sut.staffConsoleUrl() + "/audits");
            assertThat(page.title()).isNotEqualTo("Local sign-in");
            assertTheAuditServiceAnswered(page);
            Browser.screenshot(page, SCREENSHOTS, "console-session-02-after-token-expiry");
            Accessibility.assertNoSeriousViolations(page);

            // left alone longer than the idle timeout: the refresh token is spent, the person signs in again
            sleepUntil(Instant.now().plus(IDLE).plusSeconds(2));
            page.navigate(sut.staffConsoleUrl() + "/audits");
            assertThat(page.title()).isEqualTo("Local sign-in");
            Browser.screenshot(page, SCREENSHOTS, "console-session-03-idle-sign-in-again");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("sam.staff")).click();
            page.waitForURL(sut.staffConsoleUrl() + "/audits");
            assertTheAuditServiceAnswered(page);
        } finally {
            sut.cluster().devSignInDefaultLifetimes();
        }
    }

    /** The queue's counts came from the audit-service, which refuses an expired token (the page would show its 401). */
    private static void assertTheAuditServiceAnswered(Page page) {
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit queue")).waitFor();
        assertThat(page.locator(".error").count()).as("no refusal on the page").isZero();
        assertThat(page.locator(".counts li").count()).as("a count per status").isEqualTo(6);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
