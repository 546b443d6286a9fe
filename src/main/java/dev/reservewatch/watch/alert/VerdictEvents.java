package dev.reservewatch.watch.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;

/**
 * Which alerts the weekly verdicts raise: a pure function of the judged weeks, so that every replica and every
 * restart derives the same events with the same ids.
 * <p>
 * The weeks are read in order, from the first as the starting view, the way a reader who got every alert would
 * have seen them. A change for the worse is told in the week it shows: the regime moving toward scarce (or out of
 * UNKNOWN), an action added, a signal of severity HIGH or above starting to fire, a trigger coming within
 * {@code weeksToCross} weeks of its line. A change for the better is told only once it has held for two weeks
 * running: the regime easing, actions only dropped, a signal no longer firing, a trigger moving away (which raises
 * nothing). So a change that reverses within a week gives one alert, not two, and a signal that fires, pauses a
 * week and fires again stays one episode. What still flickers on a longer beat (a stress that comes back every
 * month end) is told each time: it is news each time.
 */
public final class VerdictEvents {

    /** Weeks from the last one alerted on are alerted on, but no more than this many: older changes are history. */
    public static final int MOST_WEEKS = 4;

    private VerdictEvents() {
    }

    /**
     * The events of the weeks from {@code from} on (at most the latest {@link #MOST_WEEKS}); with {@code from} null,
     * those of the latest week only. {@code weeks} are the judged weekly verdicts in date order, the whole history
     * the data allows. Given the last week already alerted on as {@code from}, a week judged again (after a rule
     * edit) is included: an event its new verdict raises has a new id, one it raised before keeps its id.
     */
    public static List<AlertEvent> derive(List<Verdict> weeks, LocalDate from, int weeksToCross, AlertText text) {
        List<AlertEvent> events = new ArrayList<>();
        if (weeks.size() < 2) {
            return events;
        }
        int firstTold = from == null ? weeks.size() - 1 : Math.max(1, weeks.size() - MOST_WEEKS);
        View view = View.of(weeks.get(0), weeksToCross);
        for (int k = 1; k < weeks.size(); k++) {
            List<AlertEvent> week = view.step(weeks.get(k - 1), weeks.get(k), weeksToCross, text);
            if (k >= firstTold && (from == null || !weeks.get(k).asOf().isBefore(from))) {
                events.addAll(week);
            }
        }
        return events;
    }

    /** What a reader who got every alert so far believes: the state last told. */
    private static final class View {
        ReserveRegime regime;
        List<String> actions;
        final Map<String, Verdict.SignalReport> firing = new LinkedHashMap<>();
        final Map<String, Verdict.Watch> near = new LinkedHashMap<>();

        static View of(Verdict first, int weeksToCross) {
            View view = new View();
            view.regime = first.regime();
            view.actions = actions(first);
            view.firing.putAll(firing(first));
            view.near.putAll(near(first, weeksToCross));
            return view;
        }

        List<AlertEvent> step(Verdict previous, Verdict week, int weeksToCross, AlertText text) {
            List<AlertEvent> events = new ArrayList<>();
            LocalDate asOf = week.asOf();
            List<String> actions = actions(week);

            if (week.regime() != regime && (worse(week.regime(), regime) || week.regime() == previous.regime())) {
                events.add(event(AlertEvent.Event.REGIME_CHANGED, week, regime, actions, null, week.signals(), null,
                        text.regimeChanged(asOf, regime, week.regime(), week.signals()), regime + ">" + week.regime()));
                regime = week.regime();
            }

            if (!actions.equals(this.actions)) {
                boolean added = actions.stream().anyMatch(code -> !this.actions.contains(code));
                if (added || actions.equals(actions(previous))) {
                    events.add(event(AlertEvent.Event.ACTIONS_CHANGED, week, null, actions, this.actions,
                            week.signals(), null, text.actionsChanged(asOf, this.actions, actions),
                            String.join(",", this.actions) + ">" + String.join(",", actions)));
                    this.actions = actions;
                }
            }

            Map<String, Verdict.SignalReport> nowFiring = firing(week);
            Map<String, Verdict.SignalReport> firedBefore = firing(previous);
            for (Map.Entry<String, Verdict.SignalReport> signal : nowFiring.entrySet()) {
                if (!firing.containsKey(signal.getKey())) {
                    events.add(event(AlertEvent.Event.SIGNAL_FIRED, week, null, null, null, List.of(signal.getValue()),
                            null, text.signalFired(asOf, signal.getValue()), signal.getKey()));
                }
                firing.put(signal.getKey(), signal.getValue());
            }
            for (String code : List.copyOf(firing.keySet())) {
                if (!nowFiring.containsKey(code) && !firedBefore.containsKey(code)) {
                    Verdict.SignalReport last = firing.remove(code);
                    events.add(event(AlertEvent.Event.SIGNAL_CLEARED, week, null, null, null, List.of(last), null,
                            text.signalCleared(asOf, last), code));
                }
            }

            Map<String, Verdict.Watch> nowNear = near(week, weeksToCross);
            Map<String, Verdict.Watch> nearBefore = near(previous, weeksToCross);
            for (Map.Entry<String, Verdict.Watch> trigger : nowNear.entrySet()) {
                if (!near.containsKey(trigger.getKey())) {
                    events.add(event(AlertEvent.Event.TRIGGER_NEAR, week, null, null, null, List.of(), trigger.getValue(),
                            text.triggerNear(asOf, trigger.getValue()), trigger.getKey()));
                }
                near.put(trigger.getKey(), trigger.getValue());
            }
            near.keySet().removeIf(key -> !nowNear.containsKey(key) && !nearBefore.containsKey(key));
            return events;
        }

        private static AlertEvent event(AlertEvent.Event kind, Verdict week, ReserveRegime previousRegime,
                List<String> actions, List<String> previousActions, List<Verdict.SignalReport> signals,
                Verdict.Watch watch, String text, String subject) {
            return new AlertEvent(AlertEvent.idOf(kind, week.asOf(), subject), kind, week.asOf(), week.regime(),
                    previousRegime, actions == null ? actions(week) : actions, previousActions, signals, watch, null,
                    week.decisionId(), week.ruleset() == null ? null : week.ruleset().version(), text);
        }
    }

    /** Whether {@code to} is news to tell at once after {@code from}: toward scarce, or out of UNKNOWN. */
    static boolean worse(ReserveRegime to, ReserveRegime from) {
        if (to == ReserveRegime.UNKNOWN) {
            return false;
        }
        return from == ReserveRegime.UNKNOWN || to.ordinal() > from.ordinal();
    }

    static List<String> actions(Verdict verdict) {
        TreeSet<String> codes = new TreeSet<>();
        for (Verdict.Action action : verdict.actions()) {
            codes.add(action.code());
        }
        return List.copyOf(codes);
    }

    /** The signals firing at HIGH or above, by code (the most severe report of a code). */
    static Map<String, Verdict.SignalReport> firing(Verdict verdict) {
        Map<String, Verdict.SignalReport> firing = new LinkedHashMap<>();
        for (Verdict.SignalReport signal : verdict.signals()) {
            if (signal.severity() != null && signal.severity().compareTo(Severity.HIGH) >= 0) {
                firing.merge(signal.code(), signal, (a, b) -> b.severity().compareTo(a.severity()) > 0 ? b : a);
            }
        }
        return firing;
    }

    /** The triggers not firing yet whose projection crosses within {@code weeksToCross} weeks, by rule, metric and side. */
    static Map<String, Verdict.Watch> near(Verdict verdict, int weeksToCross) {
        Map<String, Verdict.Watch> near = new LinkedHashMap<>();
        if (verdict.watchlist() == null) {
            return near;
        }
        for (Verdict.Watch watch : verdict.watchlist()) {
            if (!watch.firing() && watch.weeksToCross() != null && watch.weeksToCross() <= weeksToCross) {
                near.putIfAbsent(watch.rule() + "|" + watch.metric() + "|" + watch.fires(), watch);
            }
        }
        return near;
    }
}
