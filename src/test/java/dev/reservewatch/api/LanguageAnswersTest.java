package dev.reservewatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The answers' text for people in the language asked for (Accept-Language, or ?lang=), with Content-Language saying
 * which; codes, rule names and numbers the same in every language.
 */
@QuarkusTest
class LanguageAnswersTest {

    private static final String HAN = "(?s).*\\p{IsHan}.*";

    @Test
    void judgesInChineseForAcceptLanguageZh() throws IOException {
        for (String tag : new String[] { "zh", "zh-CN", "zh-Hans", "fr;q=0.9, zh-TW;q=0.95" }) {
            given().contentType(ContentType.JSON).header("Accept-Language", tag).body(VerdictResourceTest.article())
                    .when().post("/verdicts")
                    .then().statusCode(200).header("Content-Language", "zh")
                    .header("Vary", containsString("Accept-Language"))
                    .body("regime", is("SCARCE"))
                    .body("actions.code", hasItem("END_RUNOFF"))
                    .body("actions.rule", hasItem("End runoff when reserves turn scarce"))
                    .body("explanation", startsWith("截至2025年10月24日，准备金处于稀缺（SCARCE）状态"))
                    .body("explanation", containsString("建议操作：END_RUNOFF（优先级1，依据："))
                    .body("signals.message", everyItem(matchesPattern(HAN)))
                    .body("signals.find { it.code == 'ON_RRP_DEPLETED' }.message",
                            startsWith("隔夜逆回购（ON RRP）余额为2190亿美元，已降至2500亿美元的耗尽警戒线以下，较2.55万亿美元"))
                    .body("signals.find { it.code == 'ON_RRP_DEPLETED' }.observed", is(219.0f))
                    .body("actions.rationale", everyItem(matchesPattern(HAN)))
                    .body("watchlist.projection", everyItem(matchesPattern(HAN)));
        }
    }

    @Test
    void fallsBackToEnglishForAnyOtherLanguage() throws IOException {
        for (String tag : new String[] { "fr-FR", "*", "en;q=0.9, zh;q=0.8", "de, ja" }) {
            given().contentType(ContentType.JSON).header("Accept-Language", tag).body(VerdictResourceTest.article())
                    .when().post("/verdicts")
                    .then().statusCode(200).header("Content-Language", "en")
                    .body("explanation", startsWith("As of 2025-10-24, reserves are SCARCE"))
                    .body("signals.message", everyItem(not(matchesPattern(HAN))));
        }
        given().contentType(ContentType.JSON).body(VerdictResourceTest.article())
                .when().post("/verdicts")
                .then().statusCode(200).header("Content-Language", "en");
    }

    @Test
    void theQueryParameterWinsOverTheHeader() throws IOException {
        given().contentType(ContentType.JSON).header("Accept-Language", "en").queryParam("lang", "zh")
                .body(VerdictResourceTest.article())
                .when().post("/verdicts?view=compact")
                .then().statusCode(200).header("Content-Language", "zh")
                .body("watchlist", nullValue())
                .body("explanation", allOf(startsWith("截至"), containsString("尚未触发的指标中，最接近触发线的是")));
        given().contentType(ContentType.JSON).header("Accept-Language", "zh").queryParam("lang", "en")
                .body(VerdictResourceTest.article())
                .when().post("/verdicts")
                .then().statusCode(200).header("Content-Language", "en")
                .body("explanation", startsWith("As of"));
    }

    @Test
    void problemsStayInEnglish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "zh").body("{\"asOf\": \"x\"}")
                .when().post("/verdicts")
                .then().statusCode(400).header("Content-Language", nullValue());
    }

    @Test
    void seriesAndBacktestsFollowTheLanguage() {
        given().queryParam("lang", "zh").queryParam("from", "2025-10-01").queryParam("to", "2025-10-29")
                .queryParam("view", "full")
                .when().get("/backtests/shipped")
                .then().statusCode(200).header("Content-Language", "zh")
                .body("verdicts.explanation", everyItem(startsWith("截至2025年")))
                .body("verdicts.find { it.asOf == '2025-10-29' }.actions.code", hasItem("END_RUNOFF"));
        given().header("Accept-Language", "zh-CN").queryParam("from", "2025-10-01").queryParam("to", "2025-10-29")
                .when().get("/backtests/shipped")
                .then().statusCode(200).header("Content-Language", "zh")
                .body("verdicts[0].regime", not(nullValue()));
    }

    @Test
    void rulesSayWhichGiveTheirTextInChinese() {
        given().when().get("/rules")
                .then().statusCode(200)
                .body("files.rules.flatten().findAll { it.chinese == 'MISSING' }.size()", is(0))
                .body("files.find { it.name == 'reserves.drl' }.rules.find { it.name == 'Excess reserves below the "
                        + "scarcity line' }.chinese", is("GIVEN"))
                .body("files.find { it.name == 'thresholds.drl' }.rules.chinese", everyItem(is("NO_TEXT")));
    }

    @Test
    void validationWarnsOfARuleWithoutChineseText() {
        String drl = """
                package rules;
                import dev.reservewatch.model.*;

                rule "Reserves below three trillion"
                when
                    Market( $reserves : reserveBalancesBn, reserveBalancesBn < 3000 )
                then
                    insert(new Signal("RESERVES_LOW", Severity.WARN, "reserveBalancesBn", $reserves, 3000.0, "$bn",
                        "Reserves of {observed} are under {threshold}"));
                end
                """;
        given().header("Authorization", "Bearer test-author-token").contentType("text/plain").body(drl)
                .when().post("/rules/validate?file=draft.drl")
                .then().statusCode(200)
                .body("valid", is(true))
                .body("warnings.message", hasItem(allOf(containsString("Reserves below three trillion"),
                        containsString("@zh"))));
    }
}
