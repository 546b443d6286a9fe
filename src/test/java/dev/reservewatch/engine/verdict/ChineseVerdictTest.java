package dev.reservewatch.engine.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.engine.ruleset.RuleInfo;

/**
 * Verdicts told in Chinese: the same verdict (codes, rule names, numbers) with its text for people written from the
 * rules' {@code @zh} texts and in Chinese sentences; a rule without Chinese text keeps its English text.
 */
class ChineseVerdictTest {

    private final DecisionEngine engine = new DecisionEngine();

    /** A figure in a text, with what it counts in: $bn amounts, 亿美元 and 万亿美元 become billions. */
    private static final Pattern ENGLISH_FIGURE = Pattern.compile(
            "(?<![A-Za-z0-9_.])(?:(?<![0-9])-)?\\$?-?(\\d[\\d,]*(?:\\.\\d+)?)(bn|tn)?");
    private static final Pattern CHINESE_FIGURE = Pattern.compile(
            "(?<![A-Za-z0-9_.])(?:(?<![0-9%])-)?(\\d[\\d,]*(?:\\.\\d+)?)(万亿美元|亿美元|万美元)?");

    @Test
    void theArticlesSnapshotInChineseCarriesTheSameNumbersAsInEnglish() throws Exception {
        MarketSnapshot article = ShippedRules.READER.read(Files.readAllBytes(Path.of("examples/2025-10-article.json")));
        Verdict english = engine.evaluate(ShippedRules.ruleset(), article);
        Verdict chinese = english.in(Language.ZH);

        assertThat(chinese.explanation()).startsWith("截至2025年10月24日，准备金处于稀缺（SCARCE）状态：")
                .doesNotContain("Stress:").doesNotContain("$");
        assertThat(chinese.codes()).isEqualTo(english.codes());
        assertThat(chinese.firedRules()).isEqualTo(english.firedRules());
        for (int i = 0; i < english.signals().size(); i++) {
            Verdict.SignalReport en = english.signals().get(i);
            Verdict.SignalReport zh = chinese.signals().get(i);
            assertThat(zh.message()).as(en.rule()).isNotEqualTo(en.message()).matches(".*\\p{IsHan}.*");
            assertSameFigures(zh.message(), en.message(), zh.message());
            assertThat(List.of(zh.code(), zh.observed(), zh.threshold(), zh.unit(), zh.rule()))
                    .isEqualTo(List.of(en.code(), en.observed(), en.threshold(), en.unit(), en.rule()));
        }
        for (int i = 0; i < english.actions().size(); i++) {
            assertSameFigures(chinese.actions().get(i).rationale(), english.actions().get(i).rationale(), "");
        }
        assertSameFigures(chinese.explanation(), english.explanation(), "");
        assertThat(chinese.signals()).anySatisfy(signal -> assertThat(signal.message()).isEqualTo(
                "隔夜逆回购（ON RRP）余额为2190亿美元，已降至2500亿美元的耗尽警戒线以下，较2.55万亿美元的峰值下降91.41%，"
                        + "这一缓冲已经耗尽，继续缩表将直接消耗银行准备金"));
        assertThat(chinese.watchlist()).extracting(Verdict.Watch::projection).contains("已越过触发线")
                .allSatisfy(projection -> assertThat(projection).matches(".*\\p{IsHan}.*"));
    }

    @Test
    void everyScenarioInChineseCarriesTheSameNumbersAsInEnglish() throws Exception {
        try (var files = Files.list(ShippedRules.DIR.resolve("scenarios"))) {
            for (Path file : files.sorted().toList()) {
                Verdict english = engine.evaluate(ShippedRules.ruleset(),
                        Snapshots.scenario(file.getFileName().toString()).snapshot());
                Verdict chinese = english.in(Language.ZH);
                assertSameFigures(chinese.explanation(), english.explanation(), file + ": " + chinese.explanation());
                assertThat(chinese.explanation()).as(file.toString()).doesNotContainPattern("[A-Za-z]{3,} [a-z]{3,}");
            }
        }
    }

    @Test
    void everyShippedRuleThatWritesTextGivesItInChinese() {
        List<RuleInfo> writing = ShippedRules.ruleset().rules().values().stream().filter(RuleInfo::writesText).toList();
        assertThat(writing).hasSizeGreaterThanOrEqualTo(40);
        assertThat(writing).allSatisfy(rule -> assertThat(rule.hasChinese()).as(rule.name()).isTrue());
        assertThat(ShippedRules.ruleset().chinese().values()).allSatisfy(text -> {
            assertThat(text.problems()).as(text.text()).isEmpty();
            assertThat(text.text()).as("no sentence end or semicolon inside a message").doesNotContain("。", "；");
        });
        Compilation compilation = new RulesetCompiler().compile(ShippedRules.source().ruleFiles());
        assertThat(compilation.warnings()).noneMatch(warning -> warning.message().contains("@zh")
                || warning.message().contains("Chinese"));
    }

    @Test
    void aRuleWithoutChineseTextKeepsItsEnglishTextInAChineseVerdictAndIsWarnedOf() {
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("draft.drl", """
                package rules;
                import dev.reservewatch.model.*;

                rule "Reserves under a trillion"
                    @zh("准备金余额为{observed}，低于{threshold}，另见{$assets:$bn}的总资产")
                when
                    Market( $reserves : reserveBalancesBn, reserveBalancesBn < 3000, $assets : fedTotalAssetsBn )
                then
                    insert(new Signal("RESERVES_LOW", Severity.WARN, "reserveBalancesBn", $reserves, 3000.0, "$bn",
                        "Reserves of {observed} are under {threshold}"));
                end

                rule "Reserves named in English only"
                when
                    Market( reserveBalancesBn < 3000 )
                then
                    insert(new Signal("RESERVES_NOTED", Severity.INFO, null, null, null, null, "Reserves are noted"));
                end
                """)));
        assertThat(compilation.succeeded()).isTrue();
        assertThat(compilation.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.message()).contains("Reserves named in English only", "@zh");
            assertThat(warning.line()).isEqualTo(13);
        });
        Verdict chinese = engine.evaluate(compilation.ruleset(), Snapshots.article()).in(Language.ZH);
        assertThat(chinese.signals()).extracting(Verdict.SignalReport::message)
                .containsExactly("准备金余额为2.93万亿美元，低于3万亿美元，另见6.54万亿美元的总资产", "Reserves are noted");
        assertThat(chinese.explanation()).contains("需关注：准备金余额为2.93万亿美元", "参考读数：Reserves are noted。");
    }

    @Test
    void aChineseTextWhosePlaceholdersDoNotFitTheRuleIsWarnedOf() {
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("draft.drl", """
                package rules;
                import dev.reservewatch.model.*;

                rule "Reserves low"
                    @zh("准备金余额为{observed:dollars}，另见{$peak:$bn}")
                when
                    Market( $reserves : reserveBalancesBn, reserveBalancesBn < 3000 )
                then
                    insert(new Signal("RESERVES_LOW", Severity.WARN, "reserveBalancesBn", $reserves, 3000.0, "$bn",
                        "Reserves of {observed}"));
                end
                """)));
        assertThat(compilation.warnings()).extracting(warning -> warning.message())
                .anyMatch(message -> message.contains("unknown unit")).anyMatch(message -> message.contains("$peak"));
        Verdict chinese = engine.evaluate(compilation.ruleset(), Snapshots.article()).in(Language.ZH);
        assertThat(chinese.signals().get(0).message()).isEqualTo("Reserves of $2,930bn");
    }

    /**
     * The Chinese text carries the English text's numbers: the same, but for amounts of $1,000bn and more, which
     * Chinese writes to the nearest 亿美元 ($0.1bn).
     */
    private static void assertSameFigures(String chinese, String english, String what) {
        List<Double> inChinese = figures(chinese, CHINESE_FIGURE);
        List<Double> inEnglish = figures(english, ENGLISH_FIGURE);
        assertThat(inChinese).as("%s%n%s%n%s", what, chinese, english).hasSameSizeAs(inEnglish);
        for (int i = 0; i < inChinese.size(); i++) {
            assertThat(inChinese.get(i)).as("%s%n%s%n%s%n%s%n%s", what, chinese, english, inChinese, inEnglish)
                    .isCloseTo(inEnglish.get(i), org.assertj.core.data.Offset.offset(0.0501));
        }
    }

    /** The numbers of a text, each in the unit it counts in (amounts in billions), sorted. */
    static List<Double> figures(String text, Pattern pattern) {
        List<Double> found = new ArrayList<>();
        Matcher figure = pattern.matcher(text);
        while (figure.find()) {
            double value = Double.parseDouble(figure.group(1).replace(",", ""));
            String unit = figure.group(2);
            if (unit != null) {
                value = switch (unit) {
                    case "tn", "万亿美元" -> value * 1000;
                    case "亿美元" -> value / 10;
                    case "万美元" -> value / 100_000;
                    default -> value;
                };
            }
            boolean negative = figure.group().startsWith("-") || figure.group().startsWith("$-");
            found.add(Math.round((negative ? -value : value) * 10_000) / 10_000.0);
        }
        found.sort(null);
        return found;
    }
}
