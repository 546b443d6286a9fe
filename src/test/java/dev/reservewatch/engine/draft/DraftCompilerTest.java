package dev.reservewatch.engine.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import dev.reservewatch.engine.ShippedRules;
import dev.reservewatch.engine.compile.RulesetCompiler;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.error.BusyException;
import dev.reservewatch.error.PayloadTooLargeException;

/** Drafts are bounded before any work, and compile one at a time taking at most half of one core. */
class DraftCompilerTest {

    private static final String DRAFT = """
            package rules;
            import dev.reservewatch.model.*;
            rule "Reserves below a tenth of GDP"
            when
                Market( reservesToGdpPct < 10.0 )
            then
            end
            """;

    @Test
    void aDraftThatComesRightAfterAnotherWaitsAsLongAsTheOtherTookOrIsTurnedAway() {
        DraftCompiler impatient = new DraftCompiler(new RulesetCompiler(),
                new DraftCompiler.Limits(16, 256 * 1024, 300, 64, Duration.ZERO));
        assertThat(impatient.validate(Map.of("a.drl", DRAFT), ShippedRules.ruleset()).valid()).isTrue();
        // right after the first: its turn begins only once as much time has passed as the first took
        assertThatThrownBy(() -> impatient.validate(Map.of("a.drl", DRAFT + "// 2"), ShippedRules.ruleset()))
                .isInstanceOf(BusyException.class).hasMessageContaining("one at a time");

        DraftCompiler patient = new DraftCompiler(new RulesetCompiler(),
                new DraftCompiler.Limits(16, 256 * 1024, 300, 64, Duration.ofSeconds(30)));
        assertThat(patient.validate(Map.of("a.drl", DRAFT), ShippedRules.ruleset()).valid()).isTrue();
        assertThat(patient.validate(Map.of("a.drl", DRAFT + "// 2"), ShippedRules.ruleset()).valid()).isTrue();
    }

    @Test
    void aDraftTurnedAwayIsToldHowLongUntilTheNextTurn() {
        DraftCompiler impatient = new DraftCompiler(new RulesetCompiler(),
                new DraftCompiler.Limits(16, 256 * 1024, 300, 64, Duration.ZERO));
        List<RuleFile> files = impatient.laidOver(Map.of("a.drl", DRAFT), ShippedRules.ruleset());
        // a turn that lasts at least 1.5 s (its compile included), as an impact run over the history may
        long began = System.nanoTime();
        impatient.withDraft(files, Map.of("a.drl", DRAFT), compilation -> {
            long end = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            return compilation;
        });
        // the next turn begins as long after the last one ended as that one lasted: told in whole seconds, rounded up
        long turnSeconds = (System.nanoTime() - began + 999_999_999L) / 1_000_000_000L;
        assertThatThrownBy(() -> impatient.validate(Map.of("a.drl", DRAFT), ShippedRules.ruleset()))
                .isInstanceOfSatisfying(BusyException.class, busy -> {
                    assertThat(busy.retryAfterSeconds()).as("seconds until the next turn, rounded up")
                            .isBetween(2, (int) turnSeconds);
                    assertThat(busy.getMessage()).endsWith("Try again in " + busy.retryAfterSeconds() + " seconds.");
                });
    }

    @Test
    void refusesTooManyOrTooLargeFilesBeforeCompilingAnything() {
        DraftCompiler validator = new DraftCompiler(new RulesetCompiler(),
                new DraftCompiler.Limits(2, 1024, 300, 64, Duration.ZERO));
        Map<String, String> three = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            three.put("f" + i + ".drl", DRAFT);
        }
        assertThatThrownBy(() -> validator.validate(three, null)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("3 files; the limit is 2 (rules.drafts.max-files)");
        assertThatThrownBy(() -> validator.validate(Map.of("big.drl", DRAFT + "// " + "x".repeat(2000)), null))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("(rules.drafts.max-file-size)");
    }
}
