package dev.reservewatch.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.reservewatch.config.DecisionLogConfig;

class DecisionLogQueueTest {

    @TempDir
    Path dir;

    @Test
    void dropsAndCountsWhatTheQueueCannotHoldAndWritesTheRest() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(config(file, 3), new ObjectMapper(), new SimpleMeterRegistry());

        // the writer is not running yet: the queue fills up, and what does not fit is dropped, not waited for
        for (int i = 0; i < 5; i++) {
            log.offer(entry("id-" + i));
        }
        assertThat(log.dropped()).isEqualTo(2);

        log.onStart(null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (log.written() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        log.onStop(null);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"decisionId\":\"id-0\"");
        assertThat(log.written()).isEqualTo(3);

        // room again once written
        log.offer(entry("id-5"));
        assertThat(log.dropped()).isEqualTo(2);
    }

    private static DecisionLog.Entry entry(String id) {
        return new DecisionLog.Entry(new DecisionLog.VerdictLine(id, "sha256:x", "2025-10-24", "SCARCE",
                List.of("END_RUNOFF"), List.of("EXCESS_RESERVES_SCARCE"), List.of("rule"), 12), null, null,
                Instant.parse("2026-11-29T00:00:00Z"), null);
    }

    private static DecisionLogConfig config(Path file, int queueSize) {
        return new DecisionLogConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Optional<Path> file() {
                return Optional.of(file);
            }

            @Override
            public boolean includeInput() {
                return true;
            }

            @Override
            public int queueSize() {
                return queueSize;
            }
        };
    }
}
