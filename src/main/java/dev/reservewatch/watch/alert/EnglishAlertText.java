package dev.reservewatch.watch.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.watch.SeriesFreshness;

/** Alerts' text in English. */
final class EnglishAlertText implements AlertText {

    static final EnglishAlertText INSTANCE = new EnglishAlertText();

    private EnglishAlertText() {
    }

    @Override
    public String regimeChanged(LocalDate asOf, ReserveRegime from, ReserveRegime to, List<Verdict.SignalReport> signals) {
        String stress = signals.stream().filter(s -> s.severity() != null && s.severity().compareTo(dev.reservewatch.model.Severity.HIGH) >= 0)
                .map(Verdict.SignalReport::code).distinct().collect(Collectors.joining(", "));
        return "Week of " + asOf + ": reserves moved from " + from + " to " + to + "."
                + (stress.isEmpty() ? "" : " Stress signals: " + stress + ".");
    }

    @Override
    public String actionsChanged(LocalDate asOf, List<String> from, List<String> to) {
        List<String> added = to.stream().filter(code -> !from.contains(code)).toList();
        List<String> dropped = from.stream().filter(code -> !to.contains(code)).toList();
        StringBuilder text = new StringBuilder("Week of ").append(asOf).append(": the recommended actions changed");
        if (!added.isEmpty()) {
            text.append("; now also ").append(String.join(", ", added));
        }
        if (!dropped.isEmpty()) {
            text.append("; no longer ").append(String.join(", ", dropped));
        }
        return text.append(". Recommended now: ").append(to.isEmpty() ? "none" : String.join(", ", to)).append('.').toString();
    }

    @Override
    public String signalFired(LocalDate asOf, Verdict.SignalReport signal) {
        return "Week of " + asOf + ": " + signal.code() + " (" + signal.severity() + ") fired"
                + figure(signal) + "." + (signal.message() == null ? "" : " " + signal.message() + ".");
    }

    @Override
    public String signalCleared(LocalDate asOf, Verdict.SignalReport lastSeen) {
        return "Week of " + asOf + ": " + lastSeen.code() + " no longer fires at HIGH or above, for two weeks running"
                + " (last seen" + figure(lastSeen) + ").";
    }

    @Override
    public String triggerNear(LocalDate asOf, Verdict.Watch trigger) {
        return "Week of " + asOf + ": " + trigger.signal() + " is near. " + trigger.metric() + " at "
                + amount(trigger.observed(), trigger.unit()) + " is " + amount(Math.abs(trigger.distance()), trigger.unit())
                + " from its line of " + amount(trigger.threshold(), trigger.unit())
                + (trigger.weeksToCross() == null ? "" : "; at its pace it would cross in about "
                        + number(trigger.weeksToCross()) + " weeks"
                        + (trigger.crossesAround() == null ? "" : ", around " + trigger.crossesAround()))
                + ".";
    }

    @Override
    public String dataStale(LocalDate today, List<SeriesFreshness> series) {
        return "Data is stale on " + today + ": " + series.stream().map(s -> s.code() + " (last observation "
                + (s.lastObservation() == null ? "none" : s.lastObservation()) + ")").collect(Collectors.joining(", "))
                + ". Verdicts built on it say so.";
    }

    @Override
    public String fetchFailing(List<SeriesFreshness> series) {
        // series that fail for the same reason (a refused key: all of them) are named together, the reason once
        java.util.Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (SeriesFreshness each : series) {
            byReason.computeIfAbsent(reason(each), r -> new java.util.ArrayList<>()).add(each.code());
        }
        int most = series.stream().mapToInt(SeriesFreshness::failedFetches).max().orElse(0);
        return "Fetching from FRED keeps failing (" + most + " fetches in a row) for " + byReason.entrySet().stream()
                .map(entry -> String.join(", ", entry.getValue()) + (entry.getKey().isEmpty() ? "" : ": " + entry.getKey()))
                .collect(Collectors.joining("; ")) + ".";
    }

    /** A series' last error without its leading code, and without the code of the series that had it first. */
    private static String reason(SeriesFreshness series) {
        String error = series.error() == null ? "" : series.error();
        String own = series.code() + ": ";
        if (error.startsWith(own)) {
            error = error.substring(own.length());
        }
        error = error.replaceFirst("^(not asked, FRED refused the key: )[A-Z0-9]+: ", "$1");
        error = error.replaceFirst("\\.$", "");
        return error.length() > 200 ? error.substring(0, 200) + "..." : error;
    }

    @Override
    public String recovered(List<String> stale, List<String> failing) {
        StringBuilder text = new StringBuilder("Recovered:");
        if (!failing.isEmpty()) {
            text.append(" fetching works again for ").append(String.join(", ", failing)).append('.');
        }
        if (!stale.isEmpty()) {
            text.append(" fresh data again for ").append(String.join(", ", stale)).append('.');
        }
        return text.toString();
    }

    private static String figure(Verdict.SignalReport signal) {
        if (signal.metric() == null || signal.observed() == null) {
            return "";
        }
        return ": " + signal.metric() + " " + amount(signal.observed(), signal.unit())
                + (signal.threshold() == null ? "" : " against " + amount(signal.threshold(), signal.unit()));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A figure with its unit as a reader writes it: 9.8%, $219bn, 12 bp. */
    private static String amount(double value, String unit) {
        if (unit == null || unit.isEmpty()) {
            return number(value);
        }
        if (unit.startsWith("$")) {
            return (value < 0 ? "-$" : "$") + number(Math.abs(value)) + unit.substring(1);
        }
        return number(value) + (unit.equals("%") ? "%" : " " + unit);
    }
}
