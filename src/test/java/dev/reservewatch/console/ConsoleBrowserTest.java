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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console in a real browser: Debian's Chromium, driven through its own chromedriver (nothing is downloaded).
 * Judges the article's example, shows a bad field's problem next to it, draws the history and opens a week's
 * verdict, shows a broken rule edit's error at its line, and leaves no error in the browser's console on any page.
 * Each page is saved as a screenshot under {@code target/console-screenshots/}.
 * <p>
 * Without Chromium the tests skip, saying how to install it; with {@code CONSOLE_BROWSER_REQUIRED=true} (as
 * {@code .ci/run} sets it) a missing browser fails the run instead.
 */
@QuarkusTest
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ChromeDriver browser;
    /** Console lines a test provokes on purpose (the network error of a 400 it asked for). */
    private final List<String> expectedInConsole = new ArrayList<>();

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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    private void open(String path) {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.resolve(path).toString());
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    @Test
    void judgesTheArticlesExampleAndShowsTheVerdict() throws IOException {
        open("/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#example option[value='article']")));
        new Select(browser.findElement(By.id("example"))).selectByValue("article");
        assertThat(browser.findElement(By.name("reserveBalancesBn")).getAttribute("value")).isEqualTo("2930");
        assertThat(browser.findElement(By.name("runoffMbsCapBn")).getAttribute("value")).isEqualTo("35");
        browser.findElement(By.id("judge")).click();

        WebElement regime = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".regime")));
        assertThat(regime.getText()).isEqualTo("SCARCE");
        WebElement endRunoff = browser.findElement(By.cssSelector(".action[data-code='END_RUNOFF']"));
        List<String> because = endRunoff.findElements(By.cssSelector(".because a")).stream().map(WebElement::getText)
                .toList();
        assertThat(because).containsExactly("EXCESS_RESERVES_SCARCE", "FUNDING_SPREAD_WIDENING", "ON_RRP_DEPLETED",
                "REPO_ABOVE_CEILING", "SRF_TAKEUP_SPIKE");
        for (String code : because) {
            assertThat(browser.findElements(By.id("signal-" + code))).as("the signal " + code + " a link leads to")
                    .hasSize(1);
        }
        assertThat(browser.findElements(By.cssSelector(".watch meter"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".watch[data-signal='EXCESS_RESERVES_SCARCE']")).getText())
                .contains("firing");
        assertThat(browser.findElement(By.cssSelector(".decision-id")).getText()).matches("[0-9a-f-]{36}");
        assertThat(browser.findElement(By.id("curl")).getAttribute("textContent")).contains("/verdicts")
                .contains("\"reserveBalancesBn\":2930");
        screenshot("judge");

        // at a phone's width nothing runs off the side
        browser.manage().window().setSize(new Dimension(390, 844));
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
        screenshot("judge-390px");
    }

    @Test
    void showsABadFieldsProblemNextToIt() {
        open("/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#example option[value='article']")));
        new Select(browser.findElement(By.id("example"))).selectByValue("article");
        WebElement reserves = browser.findElement(By.name("reserveBalancesBn"));
        reserves.clear();
        reserves.sendKeys("2,930");
        WebElement iorb = browser.findElement(By.name("iorbPct"));
        iorb.clear();
        iorb.sendKeys("five");
        expectedInConsole.add("/verdicts - Failed to load resource: the server responded with a status of 400");
        browser.findElement(By.id("judge")).click();

        waiting().until(ExpectedConditions.attributeToBe(reserves, "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("e-reserveBalancesBn")).getText()).isNotBlank();
        assertThat(iorb.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("e-iorbPct")).getText()).isNotBlank();
        assertThat(browser.findElement(By.name("effrPct")).getAttribute("aria-invalid")).isNull();
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("reserveBalancesBn");
    }

    @Test
    void refusesAFigureOutsideItsBoundsBeforeSendingIt() {
        open("/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#example option[value='article']")));
        new Select(browser.findElement(By.id("example"))).selectByValue("article");
        WebElement assets = browser.findElement(By.name("fedTotalAssetsBn"));
        assets.clear();
        assets.sendKeys("6540000"); // FRED's millions in a field of billions
        WebElement cap = browser.findElement(By.name("runoffTreasuryCapBn"));
        cap.clear();
        cap.sendKeys("-1");
        browser.findElement(By.id("judge")).click();

        waiting().until(ExpectedConditions.attributeToBe(assets, "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("e-fedTotalAssetsBn")).getText())
                .isEqualTo("must be from 1 to 50,000 (was 6540000)");
        assertThat(browser.findElement(By.id("e-runoffTreasuryCapBn")).getText())
                .isEqualTo("must be from 0 to 1,000 (was -1)");
        assertThat(browser.findElement(By.name("reserveBalancesBn")).getAttribute("aria-invalid")).isNull();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Not sent");
        assertThat(browser.findElements(By.cssSelector(".regime"))).as("no verdict: nothing was sent").isEmpty();
    }

    @Test
    void drawsTheHistoryAndOpensAWeeksVerdict() throws IOException {
        open("/history.html");
        WebElement canvas = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        waiting().until(driver -> browser.findElement(By.id("status")).getText().contains("weeks judged"));
        Number inked = (Number) script("""
                const canvas = arguments[0];
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let inked = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) inked++; }
                return inked;""", canvas);
        assertThat(inked.intValue()).as("painted pixels of the chart").isGreaterThan(10_000);
        assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).hasSizeGreaterThan(3);
        screenshot("history");

        WebElement over = browser.findElement(By.cssSelector("#chart .u-over"));
        new Actions(browser).moveToElement(over, over.getSize().getWidth() / 3, 20).click().perform();
        WebElement verdict = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("week-verdict")));
        assertThat(verdict.findElement(By.cssSelector(".regime")).getText())
                .isIn("ABUNDANT", "AMPLE", "TIGHTENING", "SCARCE", "UNKNOWN");
        assertThat(browser.findElement(By.id("week")).getText()).contains("reserves $");
        screenshot("history-week");
    }

    @Test
    void showsABrokenRuleEditsErrorAtItsLine() throws IOException {
        open("/rules.html");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.open[data-file='reserves.drl']")));
        assertThat(browser.findElement(By.cssSelector("tr[data-rule='Excess reserves below the scarcity line']"))
                .getAttribute("textContent")).contains("article");
        screenshot("rules");
        browser.findElement(By.cssSelector("details[data-file='reserves.drl'] summary")).click();
        browser.findElement(By.cssSelector("button.open[data-file='reserves.drl']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror")));
        // line 6 loses the closing parenthesis of its condition
        script("""
                const editor = document.querySelector('.CodeMirror').CodeMirror;
                editor.setValue('package rules;\\nimport dev.reservewatch.model.*;\\n\\nrule "A rule with a typo"\\n'
                    + 'when\\n    Market( excessReservesPct < 10.0 \\nthen\\nend\\n');""");
        browser.findElement(By.id("token")).sendKeys("test-author-token");
        browser.findElement(By.id("check")).click();

        WebElement problem = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        // Drools reports the missing parenthesis where it notices it: at "then", line 7
        assertThat(problem.getAttribute("data-line")).isEqualTo("7");
        assertThat(browser.findElements(By.cssSelector(".CodeMirror .line-error"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).doesNotContain("test-author-token");
        assertThat(script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"))
                .asString().doesNotContain("test-author-token");
        screenshot("rules-broken-edit");
    }

    @Test
    void showsTheWeeksAndScenariosAnEditWouldChange() throws IOException {
        open("/rules.html");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.open[data-file='thresholds.drl']")));
        browser.findElement(By.cssSelector("details[data-file='thresholds.drl'] summary")).click();
        browser.findElement(By.cssSelector("button.open[data-file='thresholds.drl']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror")));
        script("""
                const editor = document.querySelector('.CodeMirror').CodeMirror;
                editor.setValue(editor.getValue().replace('srfSpikeBn : double = 5.0', 'srfSpikeBn : double = 60.0'));""");
        browser.findElement(By.id("token")).sendKeys("test-author-token");
        browser.findElement(By.id("impact")).click();

        WebElement table = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".differences")));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(5);
        assertThat(table.getText()).contains("2025-11-05").contains("SRF_TAKEUP_SPIKE");
        assertThat(browser.findElements(By.cssSelector(".failed-scenario"))).extracting(WebElement::getText)
                .anyMatch(text -> text.contains("article"));
        assertThat(browser.findElement(By.id("impact-result")).getText()).contains("would refuse this edit");
        screenshot("rules-impact");
    }
}
