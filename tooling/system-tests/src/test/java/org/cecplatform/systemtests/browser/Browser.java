package org.cecplatform.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The one place the browser tests start a browser: Debian's chromium ({@code /usr/bin/chromium}, or
 * {@code -Dcec.chromium=...}) driven by Playwright, headless, in a fresh profile deleted on {@link #close()}.
 * Playwright's own browser download is not reachable from these machines, so it is switched off; the flags keep
 * chromium from calling home (the closed network refuses those connections, many at a time) and from needing a sandbox
 * or a GPU (tests run as root in a container).
 */
public final class Browser implements AutoCloseable {

    public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final BrowserContext context;
    private final Path profile;

    private Browser(Playwright playwright, BrowserContext context, Path profile) {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
    }

    /** Starts chromium with an empty profile; fails with what to install when chromium is missing. */
    public static Browser launch() {
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException(chromium + " is missing: install Debian's chromium (apt-get install -y chromium), "
                    + "or point -Dcec.chromium at a Chromium binary");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("cec-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            BrowserContext context = playwright.chromium().launchPersistentContext(profile,
                    new BrowserType.LaunchPersistentContextOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(ARGS)
                            .setViewportSize(1280, 900));
            return new Browser(playwright, context, profile);
        } catch (RuntimeException e) {
            playwright.close();
            deleteTree(profile);
            throw e;
        }
    }

    static Path chromium() {
        String configured = System.getProperty("cec.chromium");
        return configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : Path.of(configured);
    }

    /** A new tab; all tabs share the profile (and so the cookies of a sign-in). */
    public Page newPage() {
        return context.newPage();
    }

    public BrowserContext context() {
        return context;
    }

    /**
     * Signs in to the staff console at {@code consoleUrl} as one of the local stack's development users
     * ({@code sam.staff}, {@code alex.auditor}, {@code C-000001}): the console sends the browser to the development
     * provider's page, where the user's button is clicked, and back to the console's home.
     */
    public static void signIn(Page page, String consoleUrl, String user) {
        page.navigate(consoleUrl + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user)).click();
        page.waitForURL(consoleUrl + "/");
    }

    /** A full-page screenshot as {@code <dir>/<name>.png}; returns the file. */
    public static Path screenshot(Page page, Path dir, String name) {
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            playwright.close();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
