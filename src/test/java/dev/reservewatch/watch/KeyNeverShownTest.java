package dev.reservewatch.watch;

import static dev.reservewatch.watch.WatchFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.reservewatch.config.Secret;
import dev.reservewatch.watch.FredTestServer.Fault;
import dev.reservewatch.watch.WatchFixtures.MutableClock;
import dev.reservewatch.watch.fetch.FredRequests;
import dev.reservewatch.watch.store.JsonFiles;

/**
 * The FRED key shows nowhere: not in any log line (every level, every logger, stack traces included) while fetches
 * meet every kind of fault and a refused key, nor in the files beside the data, the watch's answer, the metrics or
 * the alerts. Also a key that is not FRED's (refused before any request), and the one that FRED refuses.
 */
class KeyNeverShownTest {

    static final String UNREGISTERED = "0fedcba9876543210fedcba987654321";
    static final String MALFORMED = "My-Secret-But-Malformed-Key-0042";

    @TempDir
    Path dir;
    FredTestServer server;
    WebhookReceiver hook;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage());
            if (record instanceof ExtLogRecord ext) {
                text.append(' ').append(ext.getFormattedMessage());
            }
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level before;

    @BeforeEach
    void start() throws Exception {
        server = WatchFixtures.server(LocalDate.of(2025, 10, 1));
        server.keysAlso(UNREGISTERED.replace('0', '1'));
        hook = new WebhookReceiver();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        before = Logger.getLogger("dev.reservewatch").getLevel();
        Logger.getLogger("dev.reservewatch").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("dev.reservewatch").setLevel(before);
        server.close();
        hook.close();
    }

    @Test
    void theKeyIsInNoLogLineAnswerFileMetricOrAlert() throws Exception {
        server.fault("WALCL", Fault.tooMany(null, 1));
        server.fault("TREAST", Fault.serverError(-1));
        server.fault("IORB", Fault.malformed(-1));
        server.fault("RPONTTLD", Fault.unknown());
        server.fault("SOFR", Fault.slow(Duration.ofMillis(1800), 1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(LocalDate.of(2025, 10, 1));
        List<String> answers = new ArrayList<>();
        for (String key : List.of(KEY, UNREGISTERED, MALFORMED)) {
            Path folder = dir.resolve("k" + key.hashCode());
            try (Watcher watcher = new Watcher(WatchFixtures.settings(server.baseUrl(), folder, key,
                    List.of(hook.url("/alerts").toString())), WatchFixtures.virtual(clock), new WatchMetrics(registry))) {
                watcher.start();
                for (int run = 0; run < 2; run++) {
                    watcher.fetchAndWait();
                    clock.advance(Duration.ofHours(12));
                }
                answers.add(JsonFiles.MAPPER.writeValueAsString(watcher.status(null)));
            }
        }
        assertThat(server.requests()).as("the faults and the refused key were met").anySatisfy(
                r -> assertThat(r.status()).isEqualTo(500)).anySatisfy(r -> assertThat(r.status()).isEqualTo(429))
                .anySatisfy(r -> assertThat(r.query().get("api_key")).isEqualTo(UNREGISTERED))
                .noneSatisfy(r -> assertThat(r.query().get("api_key")).isEqualTo(MALFORMED));
        assertThat(hook.await(3, Duration.ofSeconds(5))).as("FETCH_FAILING for each key").hasSizeGreaterThanOrEqualTo(3);
        assertThat(logged).as("log records were captured").anyMatch(line -> line.contains("Fetch of TREAST failed"));

        List<String> seen = new ArrayList<>(logged);
        seen.addAll(answers);
        seen.add(registry.getMetersAsString());
        hook.received().forEach(received -> seen.add(received.body()));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                seen.add(file + " " + Files.readString(file));
            }
        }
        for (String key : List.of(KEY, UNREGISTERED, MALFORMED)) {
            assertThat(seen).as("nowhere: " + key).noneMatch(text -> text.contains(key));
        }
    }

    @Test
    void urlsAndMessagesAreRedactedByOneFunction() {
        Secret key = Secret.of(KEY);
        var uri = FredRequests.observations(java.net.URI.create("https://api.stlouisfed.org"), "WALCL", key,
                LocalDate.of(2025, 8, 1), 0, 100_000);
        assertThat(uri.toString()).contains("api_key=" + KEY);
        assertThat(FredRequests.redacted(uri)).isEqualTo("https://api.stlouisfed.org/fred/series/observations?"
                + "series_id=WALCL&api_key=REDACTED&file_type=json&sort_order=asc&observation_start=2025-08-01"
                + "&offset=0&limit=100000");
        assertThat(FredRequests.scrub("failed: " + uri + " with " + KEY, key)).doesNotContain(KEY);
        assertThat(key.toString()).isEqualTo("Secret[redacted]");
    }
}
