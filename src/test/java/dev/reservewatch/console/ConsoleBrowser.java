package dev.reservewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What the console's browser tests share: Debian's Chromium, driven through its own chromedriver (nothing is
 * downloaded), started once per test class; after each test, no error or warning in the browser's console (a CSP
 * violation among them) but those the test provoked on purpose; screenshots under {@code target/console-screenshots/}.
 * <p>
 * Without Chromium the tests skip, saying how to install it; with {@code CONSOLE_BROWSER_REQUIRED=true} (as
 * {@code .ci/run} sets it) a missing browser fails the run instead.
 */
abstract class ConsoleBrowser {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How often a wait looks again: Selenium's default half second is most of what a test waits for the page. */
    private static final Duration POLL = Duration.ofMillis(100);

    static ChromeDriver browser;
    /** Console lines a test provokes on purpose (the network error of a 400 it asked for). */
    final List<String> expectedInConsole = new ArrayList<>();

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String how = "The console's browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": sudo apt-get install chromium chromium-driver";
            if (Boolean.parseBoolean(System.getenv("CONSOLE_BROWSER_REQUIRED"))) {
                throw new IllegalStateException(how + " (CONSOLE_BROWSER_REQUIRED=true)");
            }
            Assumptions.abort(how);
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser == null) {
            return;
        }
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> expectedInConsole.stream().noneMatch(message::contains)).toList();
        assertThat(errors).as("the browser's console (errors and warnings, CSP violations among them)").isEmpty();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT, POLL);
    }

    void open(String path) {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.resolve(path).toString());
    }

    void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only the window: the window made as tall as the page for the screenshot. */
    void screenshotWhole(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) script("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 150, 8000)));
        screenshot(name);
        browser.manage().window().setSize(before);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
