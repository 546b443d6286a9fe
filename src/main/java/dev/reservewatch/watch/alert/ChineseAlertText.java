package dev.reservewatch.watch.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ChineseUnitFormat;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;
import dev.reservewatch.model.UnitFormat;
import dev.reservewatch.watch.SeriesFreshness;

/**
 * Alerts' text in Chinese ({@code watch.alerts.language=zh}), with the verdicts' conventions: dates as 2025年10月22日,
 * amounts in 亿美元 and 万亿美元, regimes by name with their code, lists joined with 、. A signal's message comes from the
 * verdict, told in Chinese. The reasons FRED gives for a failed fetch stay as FRED wrote them.
 */
final class ChineseAlertText implements AlertText {

    static final ChineseAlertText INSTANCE = new ChineseAlertText();

    private ChineseAlertText() {
    }

    @Override
    public String regimeChanged(LocalDate asOf, ReserveRegime from, ReserveRegime to, List<Verdict.SignalReport> signals) {
        String stress = signals.stream().filter(s -> s.severity() != null && s.severity().compareTo(Severity.HIGH) >= 0)
                .map(Verdict.SignalReport::code).distinct().collect(Collectors.joining("、"));
        return week(asOf) + "准备金状态由" + regime(from) + "转为" + regime(to) + "。"
                + (stress.isEmpty() ? "" : "压力信号：" + stress + "。");
    }

    @Override
    public String actionsChanged(LocalDate asOf, List<String> from, List<String> to) {
        List<String> added = to.stream().filter(code -> !from.contains(code)).toList();
        List<String> dropped = from.stream().filter(code -> !to.contains(code)).toList();
        StringBuilder text = new StringBuilder(week(asOf)).append("建议操作有变");
        if (!added.isEmpty()) {
            text.append("，新增").append(String.join("、", added));
        }
        if (!dropped.isEmpty()) {
            text.append("，不再建议").append(String.join("、", dropped));
        }
        return text.append("。").append(to.isEmpty() ? "目前无建议操作。" : "目前建议：" + String.join("、", to) + "。")
                .toString();
    }

    @Override
    public String signalFired(LocalDate asOf, Verdict.SignalReport signal) {
        return week(asOf) + signal.code() + "（" + severity(signal.severity()) + "）信号触发" + figure(signal) + "。"
                + (signal.message() == null ? "" : trimEnd(signal.message()) + "。");
    }

    @Override
    public String signalCleared(LocalDate asOf, Verdict.SignalReport lastSeen) {
        return week(asOf) + lastSeen.code() + "已连续两周未在HIGH及以上级别触发" + (figure(lastSeen).isEmpty() ? ""
                : "（最近一次" + figure(lastSeen).substring(1) + "）") + "。";
    }

    @Override
    public String triggerNear(LocalDate asOf, Verdict.Watch trigger) {
        return week(asOf) + trigger.signal() + "（" + trigger.metric() + "）逼近触发线：当前为"
                + ChineseUnitFormat.format(trigger.observed(), trigger.unit()) + "，距"
                + ChineseUnitFormat.format(trigger.threshold(), trigger.unit()) + "的触发线还差"
                + ChineseUnitFormat.formatDifference(Math.abs(trigger.distance()), trigger.unit())
                + (trigger.weeksToCross() == null ? "" : "，按此速度约" + UnitFormat.plain(trigger.weeksToCross()) + "周后"
                        + (trigger.crossesAround() == null ? "" : "（" + ChineseUnitFormat.date(trigger.crossesAround())
                                + "前后）") + "触及")
                + "。";
    }

    @Override
    public String dataStale(LocalDate today, List<SeriesFreshness> series) {
        return "截至" + ChineseUnitFormat.date(today) + "，FRED数据已过期：" + series.stream()
                .map(s -> s.code() + "（" + (s.lastObservation() == null ? "尚无观测" : "最新观测为"
                        + ChineseUnitFormat.date(s.lastObservation())) + "）")
                .collect(Collectors.joining("、")) + "。基于这些数据的研判会注明这一点。";
    }

    @Override
    public String fetchFailing(List<SeriesFreshness> series) {
        int most = series.stream().mapToInt(SeriesFreshness::failedFetches).max().orElse(0);
        String errors = series.stream().map(SeriesFreshness::error).filter(e -> e != null && !e.isBlank()).distinct()
                .map(e -> e.length() > 200 ? e.substring(0, 200) + "..." : e).collect(Collectors.joining("；"));
        return "FRED数据抓取持续失败（已连续" + most + "次）：" + series.stream().map(SeriesFreshness::code)
                .collect(Collectors.joining("、")) + "，研判基于最近一次成功抓取的数据。" + (errors.isEmpty() ? ""
                        : "FRED的答复：" + errors);
    }

    @Override
    public String recovered(List<String> stale, List<String> failing) {
        StringBuilder text = new StringBuilder("已恢复：");
        if (!failing.isEmpty()) {
            text.append(String.join("、", failing)).append("重新抓取成功。");
        }
        if (!stale.isEmpty()) {
            text.append(String.join("、", stale)).append("重新获得最新数据。");
        }
        return text.toString();
    }

    private static String week(LocalDate asOf) {
        return ChineseUnitFormat.date(asOf) + "当周：";
    }

    private static String regime(ReserveRegime regime) {
        return regime == null ? "无" : regime.chineseName() + "（" + regime + "）";
    }

    private static String severity(Severity severity) {
        return severity == null ? "" : severity.chineseName();
    }

    /** "：largeBankExcessReserveRatioPct为9.8%，对照10%", or nothing without a figure. */
    private static String figure(Verdict.SignalReport signal) {
        if (signal.metric() == null || signal.observed() == null) {
            return "";
        }
        return "：" + signal.metric() + "为" + ChineseUnitFormat.format(signal.observed(), signal.unit())
                + (signal.threshold() == null ? "" : "，对照" + ChineseUnitFormat.format(signal.threshold(), signal.unit()));
    }

    private static String trimEnd(String sentence) {
        String s = sentence.strip();
        return s.endsWith("。") || s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
