package dev.reservewatch.watch.alert;

import java.time.LocalDate;
import java.util.List;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.watch.SeriesFreshness;

/**
 * The sentences of each alert's {@code text}, in one language ({@code watch.alerts.language}). Codes, numbers and
 * dates stay as they are in every language.
 */
public interface AlertText {

    String regimeChanged(LocalDate asOf, ReserveRegime from, ReserveRegime to, List<Verdict.SignalReport> signals);

    String actionsChanged(LocalDate asOf, List<String> from, List<String> to);

    String signalFired(LocalDate asOf, Verdict.SignalReport signal);

    String signalCleared(LocalDate asOf, Verdict.SignalReport lastSeen);

    String triggerNear(LocalDate asOf, Verdict.Watch trigger);

    String dataStale(LocalDate today, List<SeriesFreshness> series);

    String fetchFailing(List<SeriesFreshness> series);

    /** {@code stale}: series fresh again; {@code failing}: series fetched again after failing. */
    String recovered(List<String> stale, List<String> failing);

    /** The text for {@code language} ({@code en} or {@code zh}; anything else gives English). */
    static AlertText forLanguage(String language) {
        return Language.named(language) == Language.ZH ? ChineseAlertText.INSTANCE : EnglishAlertText.INSTANCE;
    }
}
