package dev.reservewatch.engine.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about one rule of a compiled ruleset: where it is, its metadata
 * ({@code @description}, {@code @source}, ...), which figures of the market it reads, whether it has any
 * condition at all (a rule with an empty {@code when} fires on every snapshot), and the text of its conditions
 * on the market (such as {@code onRrpBalanceBn <= thresholds.onRrpDepletedLevelBn}), and whether its consequence
 * writes text for people (it creates a {@code Signal}, {@code Recommendation} or {@code Regime}), which then wants its
 * Chinese form too ({@code @zh}).
 */
public record RuleInfo(String name, String file, int line, Map<String, Object> metadata, Set<String> figuresRead,
        boolean conditional, List<String> marketConditions, boolean writesText) {

    /** Whether the rule gives its text in Chinese ({@code @zh}). */
    public boolean hasChinese() {
        return metadata.get(ChineseTemplate.KEY) instanceof String text && !text.isBlank();
    }
}
