package dev.reservewatch.decisions;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.reservewatch.api.MarketSnapshot;
import dev.reservewatch.api.Verdict;
import dev.reservewatch.config.DecisionLogConfig;
import dev.reservewatch.series.SeriesJudge;

/**
 * One JSON line per verdict (and one per series, with its span and the changes of the action set), to
 * stdout or a file: decision id, time, ruleset version, the input (unless
 * turned off), action and signal codes, fired rules. A request only offers its entry to a bounded queue;
 * one writer thread serialises and writes whole lines, so lines never interleave and a slow disk never
 * holds a request. When the queue is full the entry is dropped and counted
 * ({@code decision_log_dropped_total}); the target is zero.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final DecisionLogConfig config;
    private final ObjectMapper mapper;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final BlockingQueue<Entry> queue;
    private volatile boolean running;
    private Thread writer;

    /** A verdict, or a whole series ({@code series} set, {@code verdict} null), waiting to be written. */
    record Entry(Verdict verdict, MarketSnapshot input, Instant at, SeriesLine series) {
    }

    record SeriesLine(String decisionId, String rulesetVersion, int points, String from, String to,
            List<SeriesJudge.Change> changes) {
    }

    public DecisionLog(DecisionLogConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueSize()));
        registry.more().counter("decision_log_dropped_total", List.of(), dropped);
        registry.more().counter("decision_log_written_total", List.of(), written);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        writer = new Thread(this::drain, "decision-log");
        writer.setDaemon(true);
        writer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Offers a verdict to the log; never blocks and never throws. */
    public void record(Verdict verdict, MarketSnapshot input) {
        if (!running) {
            return;
        }
        offer(new Entry(verdict, config.includeInput() ? input : null, Instant.now(), null));
    }

    /** Offers one line for a whole series: its id, ruleset version, span and the changes of the action set. */
    public void recordSeries(String id, String rulesetVersion, SeriesJudge.Result result) {
        if (!running) {
            return;
        }
        List<Verdict> verdicts = result.verdicts();
        offer(new Entry(null, null, Instant.now(), new SeriesLine(id, rulesetVersion, verdicts.size(),
                verdicts.isEmpty() ? null : verdicts.get(0).asOf().toString(),
                verdicts.isEmpty() ? null : verdicts.get(verdicts.size() - 1).asOf().toString(), result.changes())));
    }

    private void offer(Entry entry) {
        if (!queue.offer(entry)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || Long.bitCount(count) == 1) {
                LOG.warnf("Decision log queue full (%d entries): %d line(s) dropped so far", config.queueSize(), count);
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>();
        try (Writer out = open()) {
            while (running || !queue.isEmpty()) {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1000);
                for (Entry entry : batch) {
                    try {
                        out.write(mapper.writeValueAsString(line(entry)) + "\n"); // one write per whole line
                        written.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        dropped.incrementAndGet();
                        LOG.error("Could not write a decision log line", e);
                    }
                }
                out.flush();
                batch.clear();
            }
        } catch (IOException e) {
            LOG.error("The decision log cannot be written; lines are counted as dropped", e);
            running = false;
            dropped.addAndGet(queue.size());
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Writer open() throws IOException {
        if (config.file().isPresent()) {
            var path = config.file().get();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        // stdout is shared with the application log: each line goes out in one write call on the stream, whose
        // writes are synchronized, so a log record can never land inside a decision line
        return new Writer() {
            @Override
            public void write(String line) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                System.out.write(bytes, 0, bytes.length);
            }

            @Override
            public void write(char[] chars, int offset, int length) {
                write(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    private static Object line(Entry entry) {
        if (entry.series() != null) {
            SeriesLine series = entry.series();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("decisionId", series.decisionId());
            line.put("time", entry.at().toString());
            line.put("rulesetVersion", series.rulesetVersion());
            line.put("series", Map.of("points", series.points(), "from", String.valueOf(series.from()),
                    "to", String.valueOf(series.to())));
            line.put("changes", series.changes());
            return line;
        }
        Verdict verdict = entry.verdict();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("decisionId", verdict.decisionId());
        line.put("time", entry.at().toString());
        line.put("rulesetVersion", verdict.ruleset().version());
        line.put("asOf", verdict.asOf().toString());
        line.put("regime", verdict.regime());
        line.put("actions", verdict.actions().stream().map(Verdict.Action::code).toList());
        line.put("signals", verdict.signals().stream().map(Verdict.SignalReport::code).distinct().toList());
        line.put("firedRules", verdict.firedRules().stream().map(Verdict.FiredRule::name).toList());
        line.put("evaluationMicros", verdict.evaluationMicros());
        if (entry.input() != null) {
            line.put("input", entry.input());
        }
        return line;
    }
}
