package dev.reservewatch.engine.verdict;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ChineseUnitFormat;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;
import dev.reservewatch.model.UnitFormat;

/**
 * The explanation in Chinese, as a Chinese policy analyst writes it: the same parts as {@link Explanation} (the regime
 * and why, stress, what to watch, reference readings, each action with the signals behind it, the nearest trigger and
 * what the snapshot lacked), with the regime's name beside its code, dates as 2025年10月24日, full-width punctuation and
 * no spaces between Chinese and figures. Codes and field names stay as they are, so the paragraph matches the JSON.
 */
final class ChineseExplanation {

    private ChineseExplanation() {
    }

    static String write(LocalDate asOf, ReserveRegime regime, String regimeReason, List<Verdict.SignalReport> signals,
            List<Verdict.Action> actions, List<String> missing, Verdict.Watch nearest) {
        StringBuilder text = new StringBuilder(400);
        text.append("截至").append(ChineseUnitFormat.date(asOf)).append('，');
        if (regime == ReserveRegime.UNKNOWN) {
            text.append("准备金状态无法判定（UNKNOWN）：快照提供的数据过少，没有一条状态规则能够作出判断。");
        } else {
            text.append("准备金处于").append(regime.chineseName()).append('（').append(regime).append("）状态");
            if (regimeReason != null) {
                text.append('：').append(trimEnd(regimeReason));
            }
            text.append('。');
        }
        appendSignals(text, signals, "压力信号", Severity.CRITICAL, Severity.HIGH);
        appendSignals(text, signals, "需关注", Severity.WARN, Severity.WARN);
        appendSignals(text, signals, "参考读数", Severity.INFO, Severity.INFO);
        if (actions.isEmpty()) {
            text.append("规则未建议任何资产负债表操作。");
        } else {
            text.append("建议操作：");
            for (int i = 0; i < actions.size(); i++) {
                Verdict.Action action = actions.get(i);
                if (i > 0) {
                    text.append('；');
                }
                text.append(action.code()).append("（优先级").append(action.priority());
                if (!action.because().isEmpty()) {
                    text.append("，依据：").append(String.join("、", action.because()));
                }
                text.append("）：").append(trimEnd(action.rationale()));
            }
            text.append('。');
        }
        if (nearest != null) {
            appendNearest(text, nearest);
        }
        if (!missing.isEmpty()) {
            text.append("以下数据未提供，依赖这些数据的规则无法判断：").append(String.join("、", missing)).append('。');
        }
        return text.toString();
    }

    /**
     * "尚未触发的指标中，最接近触发线的是ON_RRP_DEPLETED（onRrpBalanceBn）：当前为3100亿美元，距2500亿美元的触发线还差600亿美元，
     * 每周下降250亿美元，按此速度约2.4周后触及。" The distance and the pace of a {@code %} figure are in percentage points.
     */
    private static void appendNearest(StringBuilder text, Verdict.Watch nearest) {
        String unit = nearest.unit();
        text.append("尚未触发的指标中，最接近触发线的是").append(nearest.signal()).append('（').append(nearest.metric())
                .append("）：当前为").append(ChineseUnitFormat.format(nearest.observed(), unit)).append("，距")
                .append(ChineseUnitFormat.format(nearest.threshold(), unit)).append("的触发线还差")
                .append(ChineseUnitFormat.formatDifference(Math.abs(nearest.distance()), unit));
        if (nearest.trendPerWeek() != null && nearest.trendPerWeek() != 0) {
            text.append(nearest.trendPerWeek() < 0 ? "，每周下降" : "，每周上升")
                    .append(ChineseUnitFormat.formatDifference(Math.abs(nearest.trendPerWeek()), unit));
        }
        if (nearest.weeksToCross() != null) {
            text.append("，按此速度约").append(UnitFormat.plain(nearest.weeksToCross())).append("周后触及");
        }
        text.append('。');
    }

    private static void appendSignals(StringBuilder text, List<Verdict.SignalReport> signals, String label,
            Severity highest, Severity lowest) {
        boolean first = true;
        for (Verdict.SignalReport signal : signals) {
            if (signal.severity().compareTo(lowest) < 0 || signal.severity().compareTo(highest) > 0) {
                continue;
            }
            text.append(first ? label + "：" : "；");
            text.append(trimEnd(signal.message()));
            first = false;
        }
        if (!first) {
            text.append('。');
        }
    }

    /** A text without the full stop an analyst may have typed at its end (the paragraph adds its own). */
    private static String trimEnd(String sentence) {
        String s = sentence.strip();
        return s.endsWith("。") || s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
