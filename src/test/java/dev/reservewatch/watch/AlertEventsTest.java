package dev.reservewatch.watch;

import static dev.reservewatch.model.ReserveRegime.AMPLE;
import static dev.reservewatch.model.ReserveRegime.SCARCE;
import static dev.reservewatch.model.ReserveRegime.TIGHTENING;
import static dev.reservewatch.model.ReserveRegime.UNKNOWN;
import static dev.reservewatch.watch.alert.AlertEvent.Event.ACTIONS_CHANGED;
import static dev.reservewatch.watch.alert.AlertEvent.Event.DATA_STALE;
import static dev.reservewatch.watch.alert.AlertEvent.Event.FETCH_FAILING;
import static dev.reservewatch.watch.alert.AlertEvent.Event.RECOVERED;
import static dev.reservewatch.watch.alert.AlertEvent.Event.REGIME_CHANGED;
import static dev.reservewatch.watch.alert.AlertEvent.Event.SIGNAL_CLEARED;
import static dev.reservewatch.watch.alert.AlertEvent.Event.SIGNAL_FIRED;
import static dev.reservewatch.watch.alert.AlertEvent.Event.TRIGGER_NEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;
import dev.reservewatch.watch.alert.AlertEvent;
import dev.reservewatch.watch.alert.AlertText;
import dev.reservewatch.watch.alert.DataEvents;
import dev.reservewatch.watch.alert.VerdictEvents;

/**
 * Which events the weeks and the data raise: changes for the worse at once, for the better once they held two
 * weeks, a flicker told once, stable ids, and data spells told once each.
 */
class AlertEventsTest {

    static final LocalDate W0 = LocalDate.of(2025, 9, 3);
    static final AlertText EN = AlertText.forLanguage("en");

    /** A week: its regime, action codes, HIGH signal codes, and watchlist. */
    static Verdict week(int n, ReserveRegime regime, List<String> actions, List<String> high, List<Verdict.Watch> watchlist) {
        List<Verdict.SignalReport> signals = new ArrayList<>();
        high.forEach(code -> signals.add(new Verdict.SignalReport(code, Severity.HIGH, "onRrpBalanceBn", 5.0, 250.0,
                "$bn", "ON RRP holds $5bn", "a rule")));
        signals.add(new Verdict.SignalReport("INFLATION_ABOVE_TARGET", Severity.INFO, null, null, null, null, "calm", "r"));
        return new Verdict(W0.plusWeeks(n), regime, actions.stream().map(code -> new Verdict.Action(code, 1, "why",
                List.of(), "rule")).toList(), signals, watchlist, "", List.of(), List.of(),
                new Verdict.RulesetRef("sha256:abc", Instant.EPOCH), 10, "decision-" + n, null);
    }

    static Verdict week(int n, ReserveRegime regime) {
        return week(n, regime, List.of(), List.of(), List.of());
    }

    static List<AlertEvent> latest(List<Verdict> weeks) {
        return VerdictEvents.derive(weeks, null, 4, EN);
    }

    static List<AlertEvent.Event> kinds(List<AlertEvent> events) {
        return events.stream().map(AlertEvent::event).toList();
    }

    @Test
    void aRegimeTurningWorseIsToldAtOnceAndOneEasingOnlyOnceItHeldTwoWeeks() {
        List<Verdict> weeks = new ArrayList<>(List.of(week(0, AMPLE), week(1, AMPLE), week(2, SCARCE)));
        List<AlertEvent> scarce = latest(weeks);
        assertThat(kinds(scarce)).containsExactly(REGIME_CHANGED);
        assertThat(scarce.get(0).previousRegime()).isEqualTo(AMPLE);
        assertThat(scarce.get(0).regime()).isEqualTo(SCARCE);
        assertThat(scarce.get(0).asOf()).isEqualTo(W0.plusWeeks(2));
        assertThat(scarce.get(0).decisionId()).isEqualTo("decision-2");
        assertThat(scarce.get(0).rulesetVersion()).isEqualTo("sha256:abc");
        assertThat(scarce.get(0).text()).isEqualTo("Week of 2025-09-17: reserves moved from AMPLE to SCARCE.");

        weeks.add(week(3, TIGHTENING));
        assertThat(latest(weeks)).as("easing, one week: not yet").isEmpty();
        weeks.add(week(4, TIGHTENING));
        List<AlertEvent> eased = latest(weeks);
        assertThat(kinds(eased)).containsExactly(REGIME_CHANGED);
        assertThat(eased.get(0).previousRegime()).isEqualTo(SCARCE);
        assertThat(eased.get(0).regime()).isEqualTo(TIGHTENING);
    }

    @Test
    void aChangeThatReversesWithinAWeekIsToldOnce() {
        List<Verdict> weeks = List.of(week(0, AMPLE), week(1, SCARCE), week(2, AMPLE), week(3, SCARCE), week(4, AMPLE));
        List<AlertEvent> all = VerdictEvents.derive(weeks, W0.plusWeeks(1), 4, EN);
        assertThat(kinds(all)).as("SCARCE told once; the dips back to AMPLE never held two weeks").containsExactly(REGIME_CHANGED);
        assertThat(all.get(0).asOf()).isEqualTo(W0.plusWeeks(1));
    }

    @Test
    void leavingUnknownIsToldAtOnceAndFallingIntoItWaitsAWeek() {
        assertThat(kinds(latest(List.of(week(0, UNKNOWN), week(1, AMPLE))))).containsExactly(REGIME_CHANGED);
        assertThat(latest(List.of(week(0, AMPLE), week(1, UNKNOWN)))).isEmpty();
        assertThat(kinds(latest(List.of(week(0, AMPLE), week(1, UNKNOWN), week(2, UNKNOWN))))).containsExactly(REGIME_CHANGED);
    }

    @Test
    void anAddedActionIsToldAtOnceAndOnlyDroppedOnesOnceTheyHeld() {
        List<String> end = List.of("END_RUNOFF");
        List<String> endBills = List.of("END_RUNOFF", "REINVEST_INTO_BILLS");
        List<Verdict> weeks = new ArrayList<>(List.of(week(0, SCARCE, end, List.of(), List.of()),
                week(1, SCARCE, endBills, List.of(), List.of())));
        List<AlertEvent> added = latest(weeks);
        assertThat(kinds(added)).containsExactly(ACTIONS_CHANGED);
        assertThat(added.get(0).previousActions()).containsExactly("END_RUNOFF");
        assertThat(added.get(0).actions()).containsExactly("END_RUNOFF", "REINVEST_INTO_BILLS");
        assertThat(added.get(0).text()).contains("now also REINVEST_INTO_BILLS");
        weeks.add(week(2, SCARCE, end, List.of(), List.of()));
        assertThat(latest(weeks)).isEmpty();
        weeks.add(week(3, SCARCE, end, List.of(), List.of()));
        assertThat(kinds(latest(weeks))).containsExactly(ACTIONS_CHANGED);
    }

    @Test
    void aHighSignalIsToldWhenItFiresAndWhenItStoppedForTwoWeeks() {
        List<String> rrp = List.of("ON_RRP_DEPLETED");
        List<Verdict> weeks = new ArrayList<>(List.of(week(0, AMPLE), week(1, AMPLE, List.of(), rrp, List.of())));
        List<AlertEvent> fired = latest(weeks);
        assertThat(kinds(fired)).containsExactly(SIGNAL_FIRED);
        assertThat(fired.get(0).signals()).extracting(Verdict.SignalReport::code).containsExactly("ON_RRP_DEPLETED");
        assertThat(fired.get(0).text()).isEqualTo("Week of 2025-09-10: ON_RRP_DEPLETED (HIGH) fired: onRrpBalanceBn $5bn "
                + "against $250bn. ON RRP holds $5bn.");
        weeks.add(week(2, AMPLE));
        assertThat(latest(weeks)).as("a pause of one week is no all-clear").isEmpty();
        weeks.add(week(3, AMPLE, List.of(), rrp, List.of()));
        assertThat(latest(weeks)).as("firing again after the pause: the same spell").isEmpty();
        weeks.add(week(4, AMPLE));
        weeks.add(week(5, AMPLE));
        List<AlertEvent> cleared = latest(weeks);
        assertThat(kinds(cleared)).containsExactly(SIGNAL_CLEARED);
        assertThat(cleared.get(0).signals()).extracting(Verdict.SignalReport::code).containsExactly("ON_RRP_DEPLETED");
    }

    @Test
    void signalsBelowHighRaiseNothing() {
        assertThat(latest(List.of(week(0, AMPLE), week(1, AMPLE)))).isEmpty();
    }

    @Test
    void aTriggerProjectedToCrossWithinTheWeeksIsToldOnceWhileItStaysNear() {
        Verdict.Watch far = watch(9.0);
        Verdict.Watch near = watch(3.5);
        List<Verdict> weeks = new ArrayList<>(List.of(week(0, AMPLE, List.of(), List.of(), List.of(far)),
                week(1, AMPLE, List.of(), List.of(), List.of(near))));
        List<AlertEvent> events = latest(weeks);
        assertThat(kinds(events)).containsExactly(TRIGGER_NEAR);
        assertThat(events.get(0).watch()).isEqualTo(near);
        assertThat(events.get(0).text()).isEqualTo("Week of 2025-09-10: ON_RRP_DEPLETED is near. onRrpBalanceBn at $300bn "
                + "is $50bn from its line of $250bn; at its pace it would cross in about 3.5 weeks, around 2025-10-05.");
        weeks.add(week(2, AMPLE, List.of(), List.of(), List.of(watch(3.0))));
        assertThat(latest(weeks)).isEmpty();
        weeks.add(week(3, AMPLE, List.of(), List.of(), List.of(far)));
        weeks.add(week(4, AMPLE, List.of(), List.of(), List.of(far)));
        weeks.add(week(5, AMPLE, List.of(), List.of(), List.of(near)));
        assertThat(kinds(latest(weeks))).as("near again after two weeks away: told again").containsExactly(TRIGGER_NEAR);
    }

    @Test
    void theSameWeekGivesTheSameIdsWhereverAndWheneverItIsJudged() {
        List<Verdict> weeks = List.of(week(0, AMPLE), week(1, SCARCE, List.of("END_RUNOFF"), List.of("ON_RRP_DEPLETED"), List.of()));
        List<AlertEvent> once = latest(weeks);
        List<AlertEvent> again = VerdictEvents.derive(weeks, W0.plusWeeks(1), 4, EN);
        assertThat(kinds(once)).containsExactly(REGIME_CHANGED, ACTIONS_CHANGED, SIGNAL_FIRED);
        assertThat(again).extracting(AlertEvent::id).containsExactlyElementsOf(once.stream().map(AlertEvent::id).toList());
        assertThat(once).extracting(AlertEvent::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
        List<Verdict> nextWeek = new ArrayList<>(weeks);
        nextWeek.add(week(2, SCARCE, List.of("END_RUNOFF"), List.of("ON_RRP_DEPLETED"), List.of()));
        assertThat(VerdictEvents.derive(nextWeek, W0.plusWeeks(2), 4, EN)).as("nothing new in the next week").isEmpty();
    }

    @Test
    void aLongGapTellsOnlyTheLatestWeeks() {
        List<Verdict> weeks = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            weeks.add(week(n, n % 2 == 0 ? AMPLE : SCARCE, List.of(), n % 2 == 0 ? List.of() : List.of("X" + n), List.of()));
        }
        List<AlertEvent> events = VerdictEvents.derive(weeks, W0, 4, EN);
        assertThat(events).extracting(AlertEvent::asOf).allMatch(d -> !d.isBefore(W0.plusWeeks(12 - VerdictEvents.MOST_WEEKS)));
    }

    static Verdict.Watch watch(double weeksToCross) {
        return new Verdict.Watch("ON_RRP_DEPLETED", "onRrpBalanceBn", 300, 250, "$bn", "BELOW", 50, 20.0, false,
                "ON RRP buffer depleted", -14.0, weeksToCross, LocalDate.of(2025, 10, 5), null);
    }

    static SeriesFreshness fresh(String code, LocalDate last, boolean stale, int failed, Instant since) {
        return new SeriesFreshness(code, last, Instant.EPOCH, stale, failed > 0 ? "boom" : null, failed, since);
    }

    @Test
    void dataEventsTellEachSpellOnceAndItsEnd() {
        LocalDate today = LocalDate.of(2025, 10, 20);
        LocalDate old = LocalDate.of(2025, 9, 24);
        Instant since = Instant.parse("2025-10-19T21:15:00Z");
        DataEvents.Derived first = DataEvents.derive(DataEvents.View.empty(), List.of(
                fresh("WRESBAL", old, true, 0, null), fresh("EFFR", today, false, 1, since)), 2, today, EN);
        assertThat(kinds(first.events())).containsExactly(DATA_STALE);
        assertThat(first.events().get(0).series()).containsExactly("WRESBAL");
        assertThat(first.events().get(0).text()).isEqualTo("Data is stale on 2025-10-20: WRESBAL (last observation "
                + "2025-09-24). Verdicts built on it say so.");

        DataEvents.Derived second = DataEvents.derive(first.view(), List.of(
                fresh("WRESBAL", old, true, 0, null), fresh("EFFR", today, false, 2, since)), 2, today, EN);
        assertThat(kinds(second.events())).as("WRESBAL still in the same spell; EFFR's second failure").containsExactly(FETCH_FAILING);
        assertThat(second.events().get(0).series()).containsExactly("EFFR");

        DataEvents.Derived again = DataEvents.derive(first.view(), List.of(
                fresh("WRESBAL", old, true, 0, null), fresh("EFFR", today, false, 2, since)), 2, today, EN);
        assertThat(again.events()).extracting(AlertEvent::id).isEqualTo(second.events().stream().map(AlertEvent::id).toList());

        DataEvents.Derived third = DataEvents.derive(second.view(), List.of(
                fresh("WRESBAL", today, false, 0, null), fresh("EFFR", today, false, 0, null)), 2, today, EN);
        assertThat(kinds(third.events())).containsExactly(RECOVERED);
        assertThat(third.events().get(0).series()).containsExactly("EFFR", "WRESBAL");
        assertThat(third.view()).isEqualTo(DataEvents.View.empty());
        assertThat(DataEvents.derive(third.view(), List.of(fresh("WRESBAL", today, false, 0, null)), 2, today, EN)
                .events()).isEmpty();
        assertThat(first.view().stale()).isEqualTo(Map.of("WRESBAL", "2025-09-24"));
    }
}
