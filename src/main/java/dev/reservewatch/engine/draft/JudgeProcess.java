package dev.reservewatch.engine.draft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import dev.reservewatch.error.Excerpt;

/**
 * One judge process: started from the service's own Java and classes, with an environment of its own (no tokens,
 * no JAVA_TOOL_OPTIONS) and bounded memory; asked one request at a time, each with a deadline; ended, with every
 * process it started, by SIGKILL.
 */
final class JudgeProcess {

    private static final Logger LOG = Logger.getLogger(JudgeProcess.class);
    /** The variables a judge keeps from the service's environment: none that holds a secret or JVM options. */
    static final List<String> KEPT_VARIABLES = List.of("PATH", "LANG", "LC_ALL", "TZ");
    private static final int STDERR_LINES_KEPT = 20;
    /** A judge's memory outside its heap, each part bounded: metaspace, JIT code, direct buffers, a thread's stack. */
    static final int METASPACE_MB = 96;
    static final int CODE_MB = 32;
    static final int DIRECT_MB = 8;
    static final int STACK_MB = 1;
    /** Besides: at most this many threads (the scenarios use one a core), and the JVM's own (GC, symbols, JIT). */
    static final int THREADS = 24;
    static final int JVM_OWN_MB = 48;
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "draft-judge-io");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final long heapBytes;

    private JudgeProcess(Process process, long heapBytes) {
        this.process = process;
        this.heapBytes = heapBytes;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        READERS.submit(this::drainStderr);
    }

    static JudgeProcess start(DraftJudge.Settings settings) throws IOException {
        List<String> command = new ArrayList<>(settings.launcher());
        command.addAll(List.of(settings.java(),
                "-Xmx" + (settings.heapBytes() >> 20) + "m", "-XX:MaxMetaspaceSize=" + METASPACE_MB + "m",
                "-XX:ReservedCodeCacheSize=" + CODE_MB + "m", "-XX:MaxDirectMemorySize=" + DIRECT_MB + "m",
                "-Xss" + STACK_MB + "m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", settings.classPath(), JudgeMain.class.getName(), Integer.toString(settings.maxFirings()),
                Integer.toString(settings.windows().shortDays()), Integer.toString(settings.windows().longDays())));
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.workDir().toFile());
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = environment(environment, settings.workDir().toString());
        environment.clear();
        environment.putAll(kept);
        return new JudgeProcess(builder.start(), settings.heapBytes());
    }

    /** A judge's environment out of the service's: {@link #KEPT_VARIABLES} only, and HOME in the work folder. */
    static Map<String, String> environment(Map<String, String> service, String home) {
        Map<String, String> kept = new java.util.TreeMap<>();
        KEPT_VARIABLES.forEach(name -> {
            if (service.get(name) != null) {
                kept.put(name, service.get(name));
            }
        });
        kept.put("HOME", home);
        return kept;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a request and waits for its answer until the deadline; past it, or if the judge dies, ends it. */
    DraftJudge.Outcome ask(DraftJudge.Request request, Duration timeout) {
        long started = System.nanoTime();
        Future<DraftJudge.Answer> answer = READERS.submit(() -> JudgeWire.read(answers, DraftJudge.Answer.class,
                JudgeWire.MAX_ANSWER_BYTES));
        try {
            JudgeWire.write(requests, request);
            DraftJudge.Answer received = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (received == null) {
                return ended(started, "it ended before it answered");
            }
            return new DraftJudge.Outcome(DraftJudge.Ending.ANSWERED, received, null, took(started));
        } catch (TimeoutException e) {
            end();
            return new DraftJudge.Outcome(DraftJudge.Ending.STOPPED, null, "it ran longer than " + seconds(timeout)
                    + ", and was stopped", took(started));
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return ended(started, "its answer could not be read: " + Excerpt.failure(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end();
            return new DraftJudge.Outcome(DraftJudge.Ending.STOPPED, null, "the service is stopping", took(started));
        } finally {
            answer.cancel(true);
        }
    }

    /** The outcome of a judge that ended on its own: why, as far as its exit says. */
    private DraftJudge.Outcome ended(long started, String what) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer status = process.isAlive() ? null : process.exitValue();
        end();
        String why;
        if (status != null && status == 3) {
            why = "it ran out of memory (its heap is " + (heapBytes >> 20) + " MB, rules.drafts.judge-heap)";
        } else if (status != null && status == 128 + 9) {
            why = "it was killed by the system (out of memory in the container?)";
        } else {
            why = what + (status == null ? "" : ", with status " + status);
        }
        return new DraftJudge.Outcome(DraftJudge.Ending.ENDED, null, why, took(started));
    }

    /** The last lines the judge wrote to stderr, for the log. */
    String stderrTail() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    /** Ends the judge and every process it started, at once (SIGKILL), and waits for it to be gone. */
    void end() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                LOG.warnf("The draft judge %d did not end within 5 s of SIGKILL", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainStderr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                LOG.debugf("draft judge %d: %s", process.pid(), line);
                synchronized (stderr) {
                    stderr.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                    if (stderr.size() > STDERR_LINES_KEPT) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the judge has ended
        }
    }

    private static Duration took(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
