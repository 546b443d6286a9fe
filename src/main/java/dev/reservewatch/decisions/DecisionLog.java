package dev.reservewatch.decisions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * turned off), action and signal codes, fired rules. A request only offers its entry to a bounded,
 * lock-free queue: it never waits for the writer nor wakes it. One writer thread takes what has queued
 * (looking again every {@value #IDLE_WAIT_MS} ms when it finds nothing), serialises and writes whole
 * lines, so lines never interleave and a slow disk never holds a request. The input goes into the line as
 * the client sent it (its line breaks turned into spaces), not serialised again: the request already paid for the parsing, and under load the writer
 * shares the CPU with the requests. When the queue is full the entry is dropped and counted
 * ({@code decision_log_dropped_total}); the target is zero. An entry keeps only what its line shows, not
 * the verdict: a full queue of whole verdicts, explanations and messages included, would hold about
 * 100 MB of the heap.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    /** How long the writer waits when it finds nothing to write: lines reach the log this much later at most. */
    private static final long IDLE_WAIT_MS = 10;
    private static final int MAX_BATCH = 1000;

    private final DecisionLogConfig config;
    private final ObjectMapper mapper;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private volatile boolean running;
    private Thread writer;

    /** A verdict, or a whole series ({@code series} set, {@code verdict} null), waiting to be written. */
    record Entry(VerdictLine verdict, byte[] rawInput, MarketSnapshot input, Instant at, SeriesLine series) {
    }

    /** What a verdict's line shows: codes and names (strings the ruleset holds anyway), no messages. */
    record VerdictLine(String decisionId, String rulesetVersion, String asOf, String regime, List<String> actions,
            List<String> signals, List<String> firedRules, long evaluationMicros) {

        static VerdictLine of(Verdict verdict) {
            return new VerdictLine(verdict.decisionId(), verdict.ruleset().version(), verdict.asOf().toString(),
                    verdict.regime().name(), verdict.actions().stream().map(Verdict.Action::code).toList(),
                    verdict.signals().stream().map(Verdict.SignalReport::code).distinct().toList(),
                    verdict.firedRules().stream().map(Verdict.FiredRule::name).toList(), verdict.evaluationMicros());
        }
    }

    record SeriesLine(String decisionId, String rulesetVersion, int points, String from, String to,
            List<SeriesJudge.Change> changes) {
    }

    public DecisionLog(DecisionLogConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.capacity = Math.max(1, config.queueSize());
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

    /**
     * Offers a verdict to the log; never blocks and never throws. {@code body} is the JSON the snapshot was
     * read from: valid JSON, since it was parsed, and written into the line as it is.
     */
    public void record(Verdict verdict, MarketSnapshot input, byte[] body) {
        if (!running) {
            return;
        }
        boolean include = config.includeInput();
        boolean raw = include && body != null && isUtf8(body);
        offer(new Entry(VerdictLine.of(verdict), raw ? body : null, include && !raw ? input : null, Instant.now(),
                null));
    }

    /** Jackson also reads UTF-16 and UTF-32 bodies; those go into the UTF-8 line serialised again. */
    private static boolean isUtf8(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Offers one line for a whole series: its id, ruleset version, span and the changes of the action set. */
    public void recordSeries(String id, String rulesetVersion, SeriesJudge.Result result) {
        if (!running) {
            return;
        }
        List<Verdict> verdicts = result.verdicts();
        offer(new Entry(null, null, null, Instant.now(), new SeriesLine(id, rulesetVersion, verdicts.size(),
                verdicts.isEmpty() ? null : verdicts.get(0).asOf().toString(),
                verdicts.isEmpty() ? null : verdicts.get(verdicts.size() - 1).asOf().toString(), result.changes())));
    }

    void offer(Entry entry) {
        // lock-free: requests never wait on the writer, nor wake it (it looks every few milliseconds)
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            long count = dropped.incrementAndGet();
            if (count == 1 || Long.bitCount(count) == 1) {
                LOG.warnf("Decision log queue full (%d entries): %d line(s) dropped so far", capacity, count);
            }
            return;
        }
        queue.offer(entry);
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>();
        ByteArrayOutputStream lines = new ByteArrayOutputStream(64 * 1024);
        try (OutputStream out = open()) {
            while (running || !queue.isEmpty()) {
                while (batch.size() < MAX_BATCH) {
                    Entry entry = queue.poll();
                    if (entry == null) {
                        break;
                    }
                    batch.add(entry);
                }
                if (batch.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(IDLE_WAIT_MS);
                    continue;
                }
                queued.addAndGet(-batch.size());
                for (Entry entry : batch) {
                    int mark = lines.size();
                    try {
                        writeLine(lines, entry);
                        written.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        // keep the lines before it whole: drop what this entry wrote
                        byte[] kept = lines.toByteArray();
                        lines.reset();
                        lines.write(kept, 0, mark);
                        dropped.incrementAndGet();
                        LOG.error("Could not write a decision log line", e);
                    }
                }
                // the batch's whole lines in one write call: stdout's writes are synchronized, so a log record
                // of the application can come between two batches but never inside a line
                lines.writeTo(out);
                out.flush();
                lines.reset();
                batch.clear();
            }
        } catch (IOException e) {
            LOG.error("The decision log cannot be written; lines are counted as dropped", e);
            running = false;
            dropped.addAndGet(queued.getAndSet(0));
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OutputStream open() throws IOException {
        if (config.file().isPresent()) {
            var path = config.file().get();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        // stdout is shared with the application log; closing the log must not close stdout
        return new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        };
    }

    private void writeLine(ByteArrayOutputStream lines, Entry entry) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(lines)) {
            json.writeStartObject();
            if (entry.series() != null) {
                SeriesLine series = entry.series();
                json.writeStringField("decisionId", series.decisionId());
                json.writeStringField("time", entry.at().toString());
                json.writeStringField("rulesetVersion", series.rulesetVersion());
                json.writeObjectFieldStart("series");
                json.writeNumberField("points", series.points());
                json.writeStringField("from", String.valueOf(series.from()));
                json.writeStringField("to", String.valueOf(series.to()));
                json.writeEndObject();
                json.writeFieldName("changes");
                mapper.writeValue(json, series.changes());
            } else {
                VerdictLine verdict = entry.verdict();
                json.writeStringField("decisionId", verdict.decisionId());
                json.writeStringField("time", entry.at().toString());
                json.writeStringField("rulesetVersion", verdict.rulesetVersion());
                json.writeStringField("asOf", verdict.asOf());
                json.writeStringField("regime", verdict.regime());
                writeArray(json, "actions", verdict.actions());
                writeArray(json, "signals", verdict.signals());
                writeArray(json, "firedRules", verdict.firedRules());
                json.writeNumberField("evaluationMicros", verdict.evaluationMicros());
                if (entry.rawInput() != null) {
                    json.writeFieldName("input");
                    json.writeRawValue(oneLine(entry.rawInput()));
                } else if (entry.input() != null) {
                    json.writeFieldName("input");
                    mapper.writeValue(json, entry.input());
                }
            }
            json.writeEndObject();
        }
        lines.write('\n');
    }

    private static void writeArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * Valid JSON on one line: outside strings, CR and LF can only be whitespace (inside strings JSON
     * requires them escaped), so they become spaces; a leading byte order mark, which Jackson skips, goes.
     */
    static String oneLine(byte[] json) {
        int start = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB
                && (json[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] line = Arrays.copyOfRange(json, start, json.length);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
        }
        return new String(line, StandardCharsets.UTF_8).strip();
    }
}
