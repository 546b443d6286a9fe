package dev.reservewatch.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.compile.Compilation;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.model.Market;
import dev.reservewatch.model.ReserveRegime;
import dev.reservewatch.model.Severity;

class DecisionEngineTest {

    private final DecisionEngine engine = new DecisionEngine();

    private Verdict judge(MarketSnapshot snapshot) {
        return engine.evaluate(ShippedRules.ruleset(), snapshot);
    }

    @Test
    void derivesSpreadsSharesAndDrawdownOnceInJava() {
        Market market = Snapshots.market(Snapshots.article());
        assertThat(market.getEffrIorbSpreadBp()).isEqualTo(9.0);
        assertThat(market.getSofrIorbSpreadBp()).isEqualTo(8.0);
        assertThat(market.getReservesToAssetsPct()).isEqualTo(44.8);
        assertThat(market.getReservesToGdpPct()).isEqualTo(9.87);
        assertThat(market.getBalanceSheetToGdpPct()).isEqualTo(22.02);
        assertThat(market.getOnRrpDrawdownPct()).isEqualTo(91.41);
        assertThat(market.getRepoAboveCeilingBp()).isEqualTo(10.0);
        assertThat(market.getSofrAboveCeilingBp()).isEqualTo(-2.0);
        assertThat(market.getRunoffMonthlyCapBn()).isEqualTo(40.0);
    }

    @Test
    void takesTheOnRrpPeakFromHistoryWhenNoPeakIsGiven() {
        MarketSnapshot snapshot = Snapshots.json("""
                {"asOf": "2025-10-22", "onRrpBalanceBn": 200,
                 "history": [{"asOf": "2024-12-31", "onRrpBalanceBn": 2000}, {"asOf": "2025-06-30", "onRrpBalanceBn": 500}]}
                """);
        assertThat(Snapshots.market(snapshot).getOnRrpPeakBn()).isEqualTo(2000.0);
        assertThat(Snapshots.market(snapshot).getOnRrpDrawdownPct()).isEqualTo(90.0);
        assertThat(judge(snapshot).signals()).extracting(Verdict.SignalReport::code).contains("ON_RRP_DEPLETED");
    }

    @Test
    void articleAlarmCarriesEverySignalWithItsFigures() {
        Verdict verdict = judge(Snapshots.article());
        assertThat(verdict.regime()).isEqualTo(ReserveRegime.SCARCE);
        Verdict.SignalReport excess = verdict.signals().stream()
                .filter(s -> s.code().equals("EXCESS_RESERVES_SCARCE")).findFirst().orElseThrow();
        assertThat(excess.severity()).isEqualTo(Severity.HIGH);
        assertThat(excess.metric()).isEqualTo("largeBankExcessReserveRatioPct");
        assertThat(excess.observed()).isEqualTo(9.8);
        assertThat(excess.threshold()).isEqualTo(10.0);
        assertThat(excess.unit()).isEqualTo("%");
        assertThat(excess.message()).contains("9.8%").contains("10%");
        assertThat(excess.rule()).isEqualTo("Excess reserves below the scarcity line");
        assertThat(verdict.signals()).first().extracting(Verdict.SignalReport::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void actionsSayWhyAndWhichRuleRecommendedThem() {
        Verdict verdict = judge(Snapshots.article());
        assertThat(verdict.actions()).extracting(Verdict.Action::code).containsExactly("END_RUNOFF", "REINVEST_INTO_BILLS");
        Verdict.Action end = verdict.actions().get(0);
        assertThat(end.priority()).isEqualTo(1);
        assertThat(end.rule()).isEqualTo("End runoff when reserves turn scarce");
        assertThat(end.because()).containsExactly("EXCESS_RESERVES_SCARCE", "FUNDING_SPREAD_WIDENING",
                "ON_RRP_DEPLETED", "REPO_ABOVE_CEILING", "SRF_TAKEUP_SPIKE");
        assertThat(end.rationale()).startsWith("Stop the runoff");
    }

    @Test
    void explanationTiesRegimeSignalsAndActionsTogetherWithNumbers() {
        String text = judge(Snapshots.article()).explanation();
        assertThat(text).startsWith("As of 2025-10-24, reserves are SCARCE")
                .contains("9.8%", "$219bn", "9bp", "$42bn", "5.35%")
                .contains("END_RUNOFF (priority 1, because EXCESS_RESERVES_SCARCE")
                .contains("REINVEST_INTO_BILLS")
                .doesNotContain("\n");
    }

    @Test
    void listsEveryFiredRuleWithItsFile() {
        Verdict verdict = judge(Snapshots.article());
        assertThat(verdict.firedRules()).extracting(Verdict.FiredRule::name)
                .contains("Excess reserves below the scarcity line", "End runoff when reserves turn scarce")
                .doesNotHaveDuplicates();
        assertThat(verdict.firedRules()).filteredOn(r -> r.name().equals("ON RRP buffer depleted"))
                .extracting(Verdict.FiredRule::file).containsExactly("onrrp.drl");
    }

    @Test
    void absentFiguresAreUnknownNeverZero() {
        // with EFFR absent a zero default would read as 515bp below IORB and calm the spreads rule
        Verdict verdict = judge(Snapshots.json("""
                {"asOf": "2025-10-24", "reserveBalancesBn": 2930, "fedTotalAssetsBn": 6540, "iorbPct": 5.15,
                 "onRrpBalanceBn": 219, "onRrpPeakBn": 2550, "runoff": {"active": true}}
                """));
        assertThat(verdict.signals()).extracting(Verdict.SignalReport::code)
                .doesNotContain("FUNDING_SPREADS_CALM", "FUNDING_SPREAD_WIDENING", "SRF_QUIET", "REPO_WITHIN_RANGE");
        assertThat(verdict.missingInputs()).contains("effrPct", "sofrPct", "srfTakeupBn", "repoRateHighPct",
                "largeBankExcessReserveRatioPct");
        assertThat(verdict.missingInputs()).as("given, or read by no rule")
                .doesNotContain("iorbPct", "reserveBalancesBn", "runoff", "treasuryHoldingsBn", "mbsHoldingsBn");
    }

    @Test
    void tooThinAnInputIsUnknownWithNoAction() {
        Verdict verdict = judge(Snapshots.json("{\"asOf\": \"2025-10-24\", \"reserveBalancesBn\": 2930}"));
        assertThat(verdict.regime()).isEqualTo(ReserveRegime.UNKNOWN);
        assertThat(verdict.actions()).isEmpty();
        assertThat(verdict.signals()).isEmpty();
        assertThat(verdict.missingInputs()).contains("fedTotalAssetsBn", "effrPct", "runoff");
        assertThat(verdict.explanation()).contains("UNKNOWN", "No balance-sheet action", "fedTotalAssetsBn");
    }

    @Test
    void sameSnapshotAndRulesetGiveTheSameVerdict() {
        Verdict first = judge(Snapshots.article());
        Verdict second = judge(Snapshots.article());
        assertThat(second).usingRecursiveComparison().ignoringFields("evaluationMicros").isEqualTo(first);
        assertThat(first.ruleset().version()).isEqualTo(ShippedRules.ruleset().version()).startsWith("sha256:");
        assertThat(first.evaluationMicros()).isPositive();
    }

    @Test
    void versionIsSha256OverFileNamesAndContents() {
        List<RuleFile> files = ShippedRules.source().ruleFiles();
        String version = RulesetCompiler.versionOf(files);
        assertThat(version).matches("sha256:[0-9a-f]{64}");
        List<RuleFile> reordered = new ArrayList<>(files);
        java.util.Collections.reverse(reordered);
        assertThat(RulesetCompiler.versionOf(reordered)).isEqualTo(version);

        List<RuleFile> edited = new ArrayList<>(files);
        RuleFile first = edited.get(0);
        edited.set(0, new RuleFile(first.name(), first.content() + "\n// an analyst's note\n"));
        assertThat(RulesetCompiler.versionOf(edited)).isNotEqualTo(version);

        List<RuleFile> renamed = new ArrayList<>(files);
        renamed.set(0, new RuleFile("renamed.drl", first.content()));
        assertThat(RulesetCompiler.versionOf(renamed)).isNotEqualTo(version);
    }

    @Test
    void analystAddsNewSignalAndActionCodesInDrlAlone() {
        List<RuleFile> files = new ArrayList<>(ShippedRules.source().ruleFiles());
        files.add(new RuleFile("analyst.drl", """
                package rules;
                import dev.reservewatch.model.*;

                // Balance sheet above a quarter of GDP: worth a note (an analyst's own line).
                rule "Balance sheet heavy against GDP"
                when
                    Market( $share : balanceSheetToGdpPct, balanceSheetToGdpPct > 20.0 )
                then
                    insert(new Signal("BALANCE_SHEET_HEAVY", Severity.WARN, "balanceSheetToGdpPct", $share, 20.0, "%",
                        "The balance sheet is {observed} of GDP, above {threshold}"));
                end

                rule "Publish a note when the balance sheet is heavy"
                    salience -20
                when
                    $heavy : Signal( code == "BALANCE_SHEET_HEAVY" )
                then
                    insert(new Recommendation("PUBLISH_BALANCE_SHEET_NOTE", 4, "Tell clients how large the balance sheet still is", $heavy));
                end
                """));
        Compilation compilation = new RulesetCompiler().compile(files);
        assertThat(compilation.errors()).isEmpty();
        Verdict verdict = engine.evaluate(compilation.ruleset(), Snapshots.article());
        assertThat(verdict.signals()).filteredOn(s -> s.code().equals("BALANCE_SHEET_HEAVY")).singleElement()
                .satisfies(s -> {
                    assertThat(s.observed()).isEqualTo(22.02);
                    assertThat(s.message()).isEqualTo("The balance sheet is 22.02% of GDP, above 20%");
                });
        assertThat(verdict.actions()).filteredOn(a -> a.code().equals("PUBLISH_BALANCE_SHEET_NOTE")).singleElement()
                .satisfies(a -> {
                    assertThat(a.because()).containsExactly("BALANCE_SHEET_HEAVY");
                    assertThat(a.rule()).isEqualTo("Publish a note when the balance sheet is heavy");
                });
        assertThat(verdict.firedRules()).contains(new Verdict.FiredRule("Balance sheet heavy against GDP", "analyst.drl"));
        assertThat(verdict.ruleset().version()).isNotEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void theFirstRegimeTheRulesCallIsTheVerdictsWhateverIsCalledAfter() {
        // two regime rules that both fire, the more severe tried first (salience), the second not standing aside
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("regime.drl", """
                package rules;
                import dev.reservewatch.model.*;

                rule "Scarce first"
                    salience 10
                when
                    Market( reserveBalancesBn != null )
                then
                    insert(new Regime(ReserveRegime.SCARCE, "called first"));
                end

                rule "Unknown after"
                    salience 5
                when
                    Market( reserveBalancesBn != null )
                then
                    insert(new Regime(ReserveRegime.UNKNOWN, "called after"));
                end
                """)));
        assertThat(compilation.errors()).isEmpty();
        Verdict verdict = engine.evaluate(compilation.ruleset(), Snapshots.article());
        assertThat(verdict.regime()).as("the rules' first call, not the highest level called").isEqualTo(ReserveRegime.SCARCE);
        assertThat(verdict.explanation()).contains("SCARCE: called first");
    }

    @Test
    void analystMovesAThresholdInDrlAndTheVerdictFollows() {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : ShippedRules.source().ruleFiles()) {
            files.add(file.name().equals("thresholds.drl")
                    ? new RuleFile(file.name(), file.content().replace("excessReserveScarcityPct : double = 10.0",
                            "excessReserveScarcityPct : double = 9.5"))
                    : file);
        }
        Compilation compilation = new RulesetCompiler().compile(files);
        assertThat(compilation.errors()).isEmpty();
        Verdict verdict = engine.evaluate(compilation.ruleset(), Snapshots.article());
        assertThat(verdict.signals()).extracting(Verdict.SignalReport::code)
                .doesNotContain("EXCESS_RESERVES_SCARCE").contains("EXCESS_RESERVES_ADEQUATE");
        assertThat(verdict.signals()).filteredOn(s -> s.code().equals("EXCESS_RESERVES_ADEQUATE")).singleElement()
                .extracting(Verdict.SignalReport::threshold).isEqualTo(9.5);
    }

    @Test
    void stopsARuleThatKeepsFiringAndNamesIt() {
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("loop.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Echo every signal forever"
                when
                    Signal( $code : code )
                then
                    insert(new Signal($code, Severity.INFO, null, null, null, null, "echo"));
                end
                rule "Seed"
                when
                    Market()
                then
                    insert(new Signal("SEED", Severity.INFO, null, null, null, null, "seed"));
                end
                """)));
        assertThat(compilation.errors()).isEmpty();
        DecisionEngine bounded = new DecisionEngine(500);
        assertThatThrownBy(() -> bounded.evaluate(compilation.ruleset(), Snapshots.article()))
                .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Echo every signal forever");
                    assertThat(e.file()).isEqualTo("loop.drl");
                    assertThat(e.getMessage()).contains("kept firing", "500");
                });
    }

    @Test
    void namesTheRuleWhoseConsequenceThrows() {
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("broken.drl", """
                package rules;
                import dev.reservewatch.model.*;
                rule "Divide by the SRF take-up"
                when
                    Market( $srf : srfTakeupBn != null )
                then
                    insert(new Recommendation("", 1, "a blank code is refused"));
                end
                """)));
        assertThat(compilation.errors()).isEmpty();
        assertThatThrownBy(() -> engine.evaluate(compilation.ruleset(), Snapshots.article()))
                .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Divide by the SRF take-up");
                    assertThat(e.getMessage()).contains("broken.drl", "code must not be blank");
                });
    }
}
