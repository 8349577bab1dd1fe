package org.cecplatform.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

/** The harness itself: Playwright drives Debian's chromium on a page served on localhost, a click changes it, a screenshot is taken. */
class BrowserSmokeTest {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><title>Smoke</title></head><body>
            <button id="go" onclick="document.getElementById('out').textContent='clicked'">Go</button>
            <p id="out">waiting</p></body></html>""";

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void chromiumLoadsALocalPageClicksAndTakesAScreenshot() {
        Path screenshots = Path.of("target", "screenshots");
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertThat(page.title()).isEqualTo("Smoke");
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Go")).click();
            assertThat(page.locator("#out").textContent()).isEqualTo("clicked");
            Path shot = Browser.screenshot(page, screenshots, "smoke");
            assertThat(shot).isRegularFile();
            assertThat(shot.toFile().length()).isGreaterThan(1000);
        }
    }

    @Test
    void theAccessibilityCheckPassesALabelledPageAndFailsOneWithAnUnlabelledField() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Accessibility.assertNoSeriousViolations(page);

            page.setContent("""
                    <!doctype html><html lang="en"><head><title>Unlabelled</title></head><body><main>
                    <form><input type="text" name="reason"><button></button></form></main></body></html>""");
            assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(page))
                    .hasMessageContaining("label").hasMessageContaining("button-name");
        }
    }
}
