package dev.reservewatch.engine.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.reservewatch.contract.Language;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ruleset.ChineseTemplate;

/**
 * What a verdict's Chinese text is written from, kept with the verdict: the ruleset's Chinese texts ({@code @zh}), the
 * rule that called the regime and its English reason, the values each signal's rule bound ({@code bound}, in the order
 * of the verdict's signals) and the nearest trigger the explanation names. The Chinese is written only when a reader
 * asks for it. A rule without Chinese text keeps its English text in the Chinese verdict; the sentences around it are
 * Chinese.
 */
record ChineseText(Map<String, ChineseTemplate> templates, String regimeRule, String regimeReason,
        List<Map<String, Object>> bound, Verdict.Watch nearest) implements Verdict.Texts {

    @Override
    public Verdict in(Language language, Verdict verdict) {
        if (language != Language.ZH) {
            return verdict;
        }
        List<Verdict.SignalReport> signals = new ArrayList<>(verdict.signals().size());
        for (int i = 0; i < verdict.signals().size(); i++) {
            Verdict.SignalReport signal = verdict.signals().get(i);
            ChineseTemplate template = templates.get(signal.rule());
            String message = template == null ? null : template.render(signal.observed(), signal.threshold(),
                    signal.unit(), i < bound.size() ? bound.get(i) : Map.of());
            signals.add(message == null ? signal : new Verdict.SignalReport(signal.code(), signal.severity(),
                    signal.metric(), signal.observed(), signal.threshold(), signal.unit(), message, signal.rule()));
        }
        List<Verdict.Action> actions = new ArrayList<>(verdict.actions().size());
        for (Verdict.Action action : verdict.actions()) {
            String rationale = plain(action.rule());
            actions.add(rationale == null ? action : new Verdict.Action(action.code(), action.priority(), rationale,
                    action.because(), action.rule()));
        }
        String reason = regimeRule == null ? null : plain(regimeRule);
        List<Verdict.Watch> watchlist = verdict.watchlist() == null ? null
                : verdict.watchlist().stream().map(ChineseText::inChinese).toList();
        String explanation = ChineseExplanation.write(verdict.asOf(), verdict.regime(),
                reason != null ? reason : regimeReason, signals, actions, verdict.missingInputs(), nearest);
        return new Verdict(verdict.asOf(), verdict.regime(), actions, signals, watchlist, explanation,
                verdict.firedRules(), verdict.missingInputs(), verdict.ruleset(), verdict.evaluationMicros(),
                verdict.decisionId(), this);
    }

    /** A rule's Chinese text without placeholders to fill (a rationale, a regime's reason); null without one. */
    private String plain(String rule) {
        ChineseTemplate template = rule == null ? null : templates.get(rule);
        return template == null ? null : template.render(null, null, null, Map.of());
    }

    private static Verdict.Watch inChinese(Verdict.Watch watch) {
        return new Verdict.Watch(watch.signal(), watch.metric(), watch.observed(), watch.threshold(), watch.unit(),
                watch.fires(), watch.distance(), watch.distancePct(), watch.firing(), watch.rule(), watch.trendPerWeek(),
                watch.weeksToCross(), watch.crossesAround(), Watchlist.projectionInChinese(watch));
    }
}
