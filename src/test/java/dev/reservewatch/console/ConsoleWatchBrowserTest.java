package dev.reservewatch.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.reservewatch.api.WatchResourceTest;
import dev.reservewatch.watch.FredTestServer;
import dev.reservewatch.watch.Watcher;

/**
 * The Watch page with the watch on, against the FRED test server (as {@link WatchResourceTest} runs it): a refresh
 * with the admin token typed into the page (a wrong one refused), then the status with its times, the latest week's
 * verdict with the note that it stands on stale series, the weeks before it, the alerts and every series' freshness;
 * a series that keeps failing shown with its error; the watch's weeks drawn on the History page. Screenshots
 * {@code watch.png}, {@code watch-390px.png}, {@code watch-failing.png} and {@code history-watch.png}.
 */
@QuarkusTest
@TestProfile(WatchResourceTest.WatchOn.class)
class ConsoleWatchBrowserTest extends ConsoleBrowser {

    private static final List<String> REGIMES = List.of("ABUNDANT", "AMPLE", "TIGHTENING", "SCARCE", "UNKNOWN");

    FredTestServer server;

    @BeforeEach
    void needsTheFredFiles() {
        Assumptions.assumeTrue(Files.isDirectory(WatchResourceTest.FRED),
                "FRED data not found at " + WatchResourceTest.FRED.toAbsolutePath());
    }

    @AfterEach
    void noFaults() {
        server.clearFaults();
    }

    private void refreshWith(String token) {
        WebElement input = browser.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.id("refresh")).click();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#series tbody tr"));
    }

    @Test
    void refreshesWithTheAdminTokenAndShowsTheWatch() throws IOException {
        open("/watch.html");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("state")));
        assertThat(browser.findElement(By.id("off")).isDisplayed()).isFalse();

        expectedInConsole.add("/watch/refresh - Failed to load resource: the server responded with a status of 401");
        refreshWith("not-the-token");
        waiting().until(ExpectedConditions.attributeContains(By.id("status"), "class", "status-error"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("token");

        refreshWith("test-admin-token");
        waiting().until(driver -> driver.findElement(By.id("status")).getText().startsWith("Fetched."));
        List<String> staleUnderLatest = given().when().get("/watch").then().statusCode(200).extract()
                .jsonPath().getList("latestStaleSeries", String.class);

        WebElement badge = browser.findElement(By.cssSelector("#state-line .badge"));
        assertThat(badge.getText()).isIn("OK", "STALE");
        assertThat(browser.findElement(By.id("times")).getText()).contains("Last attempt").contains("Next attempt")
                .contains("UTC").doesNotContain("never");

        WebElement latest = browser.findElement(By.id("latest"));
        assertThat(latest.findElement(By.cssSelector(".regime")).getText()).isIn(REGIMES);
        assertThat(latest.findElements(By.cssSelector("table.signals tbody tr"))).isNotEmpty();
        assertThat(latest.findElements(By.cssSelector(".watch meter"))).isNotEmpty();
        assertThat(latest.findElement(By.cssSelector(".decision-id")).getText()).isNotBlank();
        WebElement staleNote = browser.findElement(By.id("stale-note"));
        // the FRED files end in 2026: their series are stale by now, and the latest verdict says it stands on them
        assertThat(staleNote.isDisplayed()).isEqualTo(!staleUnderLatest.isEmpty());
        if (!staleUnderLatest.isEmpty()) {
            assertThat(staleNote.getText()).contains("Built on stale data")
                    .contains(staleUnderLatest.size() + " of the " + rows().size() + " series");
        }

        assertThat(rows()).hasSize(Watcher.watchedSeries().size());
        assertThat(browser.findElement(By.cssSelector("#series tr[data-code='WRESBAL']")).getText())
                .contains("reserveBalancesBn").containsPattern("\\d{4}-\\d{2}-\\d{2}").contains("weekly");
        assertThat(browser.findElements(By.cssSelector("#series tr.failed"))).isEmpty();

        List<WebElement> alerts = browser.findElements(By.cssSelector("#alert-list tr.alert"));
        assertThat(alerts).as("the data's staleness at least was told").isNotEmpty();
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.getAttribute("data-event")).isNotBlank());
        assertThat(browser.findElements(By.cssSelector("#alert-list tr.alert[data-event='DATA_STALE']")).isEmpty())
                .isEqualTo(staleUnderLatest.isEmpty());

        waiting().until(driver -> !driver.findElements(By.cssSelector("#recent-weeks tbody tr")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#recent-weeks tbody tr")).getAttribute("data-week"))
                .isEqualTo(latest.findElement(By.cssSelector(".regime-line")).getText().substring(6, 16));

        assertThat(browser.getCurrentUrl()).doesNotContain("test-admin-token");
        assertThat(script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"))
                .asString().doesNotContain("test-admin-token");
        screenshotWhole("watch");

        browser.manage().window().setSize(new Dimension(390, 844));
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
        screenshotWhole("watch-390px");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // every fetched week, drawn on the History page
        browser.findElement(By.id("history-link")).click();
        waiting().until(driver -> driver.findElement(By.id("status")).getText().contains("weeks judged"));
        assertThat(browser.findElement(By.id("src-watch")).isSelected()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("watch-note")).getText()).contains("to 20");
        screenshot("history-watch");
    }

    @Test
    void showsASeriesThatKeepsFailing() throws IOException {
        server.fault("SOFRVOL", FredTestServer.Fault.unknown());
        given().header("Authorization", "Bearer test-admin-token").when().post("/watch/refresh").then().statusCode(200);
        open("/watch.html");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("state")));
        refreshWith("test-admin-token");
        waiting().until(driver -> driver.findElement(By.id("status")).getText().startsWith("Fetched."));

        assertThat(browser.findElement(By.cssSelector("#state-line .badge")).getText()).isEqualTo("FAILING");
        assertThat(browser.findElement(By.id("state-line")).getText()).contains("SOFRVOL");
        assertThat(browser.findElement(By.id("state-errors")).getText()).contains("SOFRVOL").contains("400");
        // the failing series comes first in the table
        WebElement failed = browser.findElement(By.cssSelector("#series tbody tr"));
        assertThat(failed.getAttribute("class")).contains("failed");
        assertThat(failed.getAttribute("data-code")).isEqualTo("SOFRVOL");
        assertThat(failed.findElement(By.cssSelector(".series-error")).getText()).isNotBlank().isNotEqualTo("–");
        assertThat(browser.findElements(By.cssSelector("#alert-list tr.alert[data-event='FETCH_FAILING']"))).isNotEmpty();
        screenshotWhole("watch-failing");
    }
}
