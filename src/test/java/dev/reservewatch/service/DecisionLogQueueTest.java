package dev.reservewatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

import dev.reservewatch.config.DecisionLogConfig;
import dev.reservewatch.contract.Verdict;
import dev.reservewatch.model.ReserveRegime;

class DecisionLogQueueTest {

    @TempDir
    Path dir;

    @Test
    void dropsAndCountsWhatTheQueueCannotHoldAndWritesTheRest() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(new Config(file, 3, 1 << 20, 1 << 20), new ObjectMapper(),
                new SimpleMeterRegistry());

        // the writer is not running yet: the queue fills up, and what does not fit is dropped, not waited for
        for (int i = 0; i < 5; i++) {
            log.offer(entry("id-" + i));
        }
        assertThat(log.dropped()).isEqualTo(2);

        log.onStart(null);
        await(() -> log.written() >= 3);
        log.onStop(null);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"decisionId\":\"id-0\"");
        assertThat(log.written()).isEqualTo(3);
        assertThat(log.failure()).isNull();
    }

    @Test
    void boundsTheQueueInBytesAsWellAsInLines() {
        byte[] input = "{\"asOf\":\"2025-10-24\"}".getBytes(StandardCharsets.UTF_8);
        // room for two entries of this weight, though the count would allow a hundred
        long room = 2 * (512 + input.length);
        DecisionLog log = new DecisionLog(new Config(dir.resolve("d.jsonl"), 100, room, 1 << 20), new ObjectMapper(),
                new SimpleMeterRegistry());
        for (int i = 0; i < 5; i++) {
            log.record(verdict("id-" + i), null, input);
        }
        assertThat(log.dropped()).isEqualTo(3);
    }

    @Test
    void keepsItsByteBoundAfterDroppingLinesForTheLineBound() throws Exception {
        byte[] small = "{\"asOf\":\"2025-10-24\"}".getBytes(StandardCharsets.UTF_8);
        long room = 2 * (512 + small.length);
        DecisionLog log = new DecisionLog(new Config(dir.resolve("d.jsonl"), 2, room, 1 << 20), new ObjectMapper(),
                new SimpleMeterRegistry());
        // two lines fill the queue; five more are dropped for the line bound, and must not free any bytes
        for (int i = 0; i < 7; i++) {
            log.record(verdict("id-" + i), null, small);
        }
        assertThat(log.dropped()).isEqualTo(5);
        log.onStart(null);
        await(() -> log.written() >= 2);

        // one entry heavier than the whole byte bound, into an empty queue
        log.record(verdict("heavy"), null, ("{\"asOf\":\"2025-10-24\",\"pad\":\"" + "x".repeat(1_500) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        log.onStop(null);
        assertThat(log.dropped()).isEqualTo(6);
        assertThat(log.written()).isEqualTo(2);
    }

    @Test
    void writesOnlyTheHeadOfALargeInputMarkedAsTruncated() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(new Config(file, 10, 1 << 20, 64), new ObjectMapper(),
                new SimpleMeterRegistry());
        String big = "{\"asOf\":\"2025-10-24\",\"history\":[" + "{\"asOf\":\"2025-10-17\"},".repeat(50)
                + "{\"asOf\":\"2025-10-10\"}]}";
        log.onStart(null);
        log.record(verdict("big"), null, big.getBytes(StandardCharsets.UTF_8));
        log.record(verdict("small"), null, "{\"asOf\":\"2025-10-24\"}".getBytes(StandardCharsets.UTF_8));
        await(() -> log.written() >= 2);
        log.onStop(null);

        List<String> lines = Files.readAllLines(file);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode truncated = mapper.readTree(lines.get(0)).get("input");
        assertThat(truncated.get("truncated").asBoolean()).isTrue();
        assertThat(truncated.get("bytes").asInt()).isEqualTo(big.length());
        assertThat(truncated.get("head").asText()).isEqualTo(big.substring(0, 64));
        assertThat(mapper.readTree(lines.get(1)).get("input").get("asOf").asText()).isEqualTo("2025-10-24");
    }

    @Test
    void countsEveryLineItCannotWriteAsDroppedAndSaysWhy() throws Exception {
        // the log's folder is a file: it can never be opened (a permission would not stop root)
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        DecisionLog log = new DecisionLog(new Config(notAFolder.resolve("decisions.jsonl"), 100, 1 << 20, 1 << 20),
                new ObjectMapper(), new SimpleMeterRegistry());
        log.onStart(null);
        await(() -> log.failure() != null);
        for (int i = 0; i < 7; i++) {
            log.record(verdict("id-" + i), null, null);
        }
        log.onStop(null);

        assertThat(log.written()).isZero();
        assertThat(log.dropped()).isEqualTo(7);
        assertThat(log.failure()).startsWith("the log file cannot be written").doesNotContain(dir.toString());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }

    private static Verdict verdict(String id) {
        return new Verdict(java.time.LocalDate.parse("2025-10-24"), ReserveRegime.SCARCE, List.of(), List.of(), null, "",
                List.of(), List.of(), new Verdict.RulesetRef("sha256:x", Instant.EPOCH), 12, id, null);
    }

    private static DecisionLog.Entry entry(String id) {
        return new DecisionLog.Entry(new DecisionLog.VerdictLine(id, "sha256:x", "2025-10-24", "SCARCE",
                List.of("END_RUNOFF"), List.of("EXCESS_RESERVES_SCARCE"), List.of("rule"), 12), null, 0,
                Instant.parse("2026-11-29T00:00:00Z"), null);
    }

    private record Config(Path path, int queueSize, long queueByteCount, long maxInputBytes) implements DecisionLogConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(path);
        }

        @Override
        public boolean includeInput() {
            return true;
        }

        @Override
        public MemorySize maxInput() {
            return new MemorySize(BigInteger.valueOf(maxInputBytes));
        }

        @Override
        public MemorySize queueBytes() {
            return new MemorySize(BigInteger.valueOf(queueByteCount));
        }

        @Override
        public Duration retryAfter() {
            return Duration.ofSeconds(5);
        }

        @Override
        public boolean required() {
            return false;
        }
    }
}
