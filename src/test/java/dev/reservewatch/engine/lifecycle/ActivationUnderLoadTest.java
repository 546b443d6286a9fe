package dev.reservewatch.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.ReloadOutcome;
import dev.reservewatch.contract.ReloadStatus;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.engine.Snapshots;
import dev.reservewatch.engine.evaluation.DecisionEngine;
import dev.reservewatch.engine.ruleset.Ruleset;

/**
 * Requests keep being judged while the rules are swapped many times, valid and broken edits alternately:
 * none fails, each runs wholly on one version, and only versions that passed every check ever serve.
 */
class ActivationUnderLoadTest {

    @TempDir
    Path dir;

    @Test
    void swapsAreAtomicAndBrokenVersionsNeverServe() throws Exception {
        RulesFolder folder = RulesFolder.copyOfShipped(dir);
        ActiveRuleset service = folder.activeRuleset();
        service.reload();
        DecisionEngine engine = new DecisionEngine();
        MarketSnapshot article = Snapshots.article();

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        accepted.add(service.active().version());
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Set<String> served = ConcurrentHashMap.newKeySet();
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicLong judged = new AtomicLong();

        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            running.add(clients.submit(() -> {
                while (swapping.get()) {
                    Ruleset ruleset = service.active();
                    Verdict verdict = engine.evaluate(ruleset, article);
                    assertThat(verdict.ruleset().version()).isEqualTo(ruleset.version());
                    assertThat(verdict.actions()).extracting(Verdict.Action::code).contains("END_RUNOFF");
                    served.add(verdict.ruleset().version());
                    judged.incrementAndGet();
                }
                return null;
            }));
        }
        for (int swap = 0; swap < 20; swap++) {
            if (swap % 2 == 0) {
                Files.deleteIfExists(dir.resolve("typo.drl"));
                folder.write("thresholds.drl", RulesFolder.thresholdsWithScarcityLine(10.0 + (swap + 1) / 100.0));
                ReloadOutcome outcome = service.reload();
                assertThat(outcome.status()).isEqualTo(ReloadStatus.ACTIVATED);
                accepted.add(outcome.activeVersion());
            } else {
                folder.write("typo.drl", RulesFolder.BROKEN_DRL);
                ReloadOutcome outcome = service.reload();
                assertThat(outcome.status()).isEqualTo(ReloadStatus.REJECTED);
                refused.add(outcome.rejection().version());
            }
        }
        swapping.set(false);
        for (Future<?> client : running) {
            client.get(); // rethrows any failure seen by a client
        }
        clients.shutdown();

        assertThat(judged.get()).isGreaterThan(20);
        assertThat(accepted).hasSize(11);
        assertThat(refused).hasSize(10).doesNotContainAnyElementsOf(accepted);
        assertThat(served).isSubsetOf(accepted).hasSizeGreaterThan(1);
    }
}
