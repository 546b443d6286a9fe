package dev.reservewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The console in a real browser ({@link ConsoleBrowser}). Judges the article's example, shows a bad field's problem
 * next to it, draws the history and opens a week's verdict, shows a broken rule edit's error at its line, says the
 * watch is off and how to turn it on, and leaves no error in the browser's console on any page. Each page is saved as
 * a screenshot under {@code target/console-screenshots/}; {@link ConsoleWatchBrowserTest} shows the watch on.
 */
@QuarkusTest
class ConsoleBrowserTest extends ConsoleBrowser {

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

    @Test
    void saysTheWatchIsOffAndHowToTurnItOn() throws IOException {
        open("/watch.html");
        WebElement off = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("off")));
        assertThat(off.getText()).contains("The watch is off").contains("WATCH_FRED_API_KEY");
        assertThat(browser.findElement(By.id("status")).getText()).contains("off");
        for (String hidden : List.of("state", "latest", "recent", "alerts", "freshness")) {
            assertThat(browser.findElement(By.id(hidden)).isDisplayed()).as(hidden).isFalse();
        }
        assertThat(browser.findElement(By.cssSelector("nav.console a[aria-current='page']")).getText()).isEqualTo("Watch");
        screenshot("watch-off");

        // the History page offers the watch's weeks only once there are some
        open("/history.html");
        waiting().until(driver -> browser.findElement(By.id("watch-note")).getText().contains("off"));
        assertThat(browser.findElement(By.id("src-watch")).isEnabled()).isFalse();
        waiting().until(driver -> browser.findElement(By.id("status")).getText().contains("weeks judged"));
    }
}
