package dev.reservewatch.engine.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.contract.MarketSnapshot;
import dev.reservewatch.contract.PointCodes;
import dev.reservewatch.contract.ScenarioResult;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.error.RefusedException;
import dev.reservewatch.model.TrendWindows;

/**
 * Runs a draft's rules where they can be stopped for good: in a judge process of its own ({@link JudgeMain}), one
 * per draft turn. A draft whose consequence never returns, fills the heap, calls {@code System.exit} or starts
 * threads ends its judge and nothing else: past the deadline the judge is killed (SIGKILL, with any process it
 * started), and the draft's turn is free again. The next judge is started and warmed on the active rules right
 * after a turn ({@link #warm}), so that a draft is judged about as fast as in the service itself. A judge keeps
 * nothing from one draft to the next.
 */
public final class DraftJudge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DraftJudge.class);

    /**
     * How judges are started: the Java and class path of the service (see {@link #settings}), the judge's heap,
     * the rule firings allowed per evaluation and the trend windows (as the service's), how long a start may take,
     * the folder it runs in, and what it is started under ({@code launcher}: {@code nice}, so that a judge takes
     * only the CPU the service leaves; empty where there is no {@code nice}).
     */
    public record Settings(String java, String classPath, long heapBytes, int maxFirings, TrendWindows windows,
            Duration startTimeout, Path workDir, List<String> launcher) {
    }

    /** How much lower a judge's CPU priority is than the service's ({@code nice -n}). */
    static final int NICENESS = 10;

    /**
     * A draft to judge: every file of the ruleset it makes ({@code drafted} names the draft's own, which the
     * guard's limits count), the scenarios to run on it (name to JSON text), and the points to judge with it as a
     * JSON array of snapshots in any order (null: none).
     */
    public record Request(List<RuleFile> files, List<String> drafted, int maxRules, int maxImports,
            Map<String, String> scenarios, String points) {
    }

    /**
     * What the judge found: the compile's errors and warnings; then the scenarios' results, and each point's codes
     * in date order; or, when a rule failed on a point or in a scenario, that failure ({@code failedAt} the point's
     * index, -1 for the scenarios).
     */
    public record Answer(List<CompileProblem> errors, List<CompileProblem> warnings, List<ScenarioResult> scenarios,
            List<PointCodes> codes, CompileProblem failure, int failedAt, long compileMillis, long scenariosMillis,
            long judgingMillis) {
    }

    /** How a judging ended: answered; stopped at the deadline; or the judge ended (out of memory, exit, crash). */
    public enum Ending {
        ANSWERED, STOPPED, ENDED
    }

    /** The answer when there is one, else what happened to the judge ({@code what}), and how long it took. */
    public record Outcome(Ending ending, Answer answer, String what, Duration took) {
    }

    /** Starts and warms judges, one at a time, beside the drafts' turns. */
    private static final ExecutorService WARMER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "draft-judge-warmer");
        thread.setDaemon(true);
        return thread;
    });

    private final Settings settings;
    /** The judge started (and warming, or warm) for the next draft; null when none is. Guarded by this. */
    private CompletableFuture<JudgeProcess> next;
    private boolean closed;

    public DraftJudge(Settings settings) {
        this.settings = settings;
    }

    /**
     * The settings for judges started from this service: its own {@code java}, and its class path (the packaged
     * service's libraries when it runs from {@code quarkus-run.jar}).
     */
    public static Settings settings(long heapBytes, int maxFirings, TrendWindows windows) {
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
        return new Settings(Path.of(System.getProperty("java.home"), "bin", "java").toString(), classPath(), heapBytes,
                maxFirings, windows, Duration.ofSeconds(60), workDir, lowerPriority());
    }

    /** {@code nice -n 10} when the system has {@code nice} (Debian, UBI and Alpine images do), else nothing. */
    static List<String> lowerPriority() {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (java.nio.file.Files.isExecutable(Path.of(nice))) {
                return List.of(nice, "-n", Integer.toString(NICENESS));
            }
        }
        LOG.infof("No nice command: draft judges run at the service's own CPU priority");
        return List.of();
    }

    /** The class path a judge needs: the service's, or next to {@code quarkus-run.jar} its boot, main and app jars. */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        Path first = Path.of(classPath.split(java.io.File.pathSeparator)[0]);
        if (first.getFileName() != null && first.getFileName().toString().equals("quarkus-run.jar")) {
            Path app = first.toAbsolutePath().getParent();
            return String.join(java.io.File.pathSeparator, app.resolve("lib/boot/*").toString(),
                    app.resolve("lib/main/*").toString(), app.resolve("app/*").toString());
        }
        return classPath;
    }

    /**
     * The most memory a judge with this heap can take: its heap, and everything outside it, each part bounded by
     * its flags (the deployment's memory limit must hold the service's budget and this).
     */
    public static long memoryBudget(long heapBytes) {
        return heapBytes + ((long) JudgeProcess.METASPACE_MB + JudgeProcess.CODE_MB + JudgeProcess.DIRECT_MB
                + JudgeProcess.THREADS * JudgeProcess.STACK_MB + JudgeProcess.JVM_OWN_MB << 20);
    }

    /** Points as a request carries them: a JSON array of snapshots. */
    public static String pointsJson(List<MarketSnapshot> points) {
        try {
            return JudgeWire.JSON.writeValueAsString(points);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("points that were read cannot be written back", e);
        }
    }

    /**
     * Judges a draft in a judge of its own (the one warmed for it, or one started now), ended afterwards whatever
     * happened; {@code timeout} bounds the draft's run, from the moment the judge has it. The caller holds the
     * drafts' turn. A judge that cannot be started is the service's failure: logged, and answered 503.
     */
    public Outcome judge(Request request, Duration timeout) {
        JudgeProcess judge = take();
        try {
            Outcome outcome = judge.ask(request, timeout);
            if (outcome.ending() != Ending.ANSWERED) {
                LOG.debugf("draft judge %d: %s; its last lines:%n%s", judge.pid(), outcome.what(), judge.stderrTail());
            }
            return outcome;
        } finally {
            judge.end();
        }
    }

    /**
     * Starts the judge of the next draft and warms it with {@code request} (the active rules and their scenarios),
     * in the background: its classes loaded and compiled, so that the next draft is judged warm. A judge already
     * waiting, or warming, is kept.
     */
    public void warm(Request request, Duration timeout) {
        synchronized (this) {
            if (next != null || closed) {
                return;
            }
            next = CompletableFuture.supplyAsync(() -> warmed(request, timeout), WARMER);
        }
    }

    private JudgeProcess warmed(Request request, Duration timeout) {
        JudgeProcess judge = start();
        Outcome outcome = judge.ask(request, timeout);
        if (outcome.ending() == Ending.ANSWERED) {
            return judge;
        }
        LOG.warnf("A draft judge could not be warmed on the active rules: %s", outcome.what());
        judge.end();
        return null;
    }

    /** The process id of the judge warm and waiting for the next draft; empty while none is (or it still warms). */
    public synchronized java.util.OptionalLong waitingJudge() {
        JudgeProcess judge = next == null || next.isCompletedExceptionally() ? null : next.getNow(null);
        return judge == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(judge.pid());
    }

    /** The judge warmed for this draft (waiting for it if it is still warming), or one started now. */
    private JudgeProcess take() {
        CompletableFuture<JudgeProcess> warming;
        synchronized (this) {
            if (closed) {
                throw unavailable("the service is stopping");
            }
            warming = next;
            next = null;
        }
        if (warming != null) {
            try {
                JudgeProcess judge = warming.get(settings.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
                if (judge != null) {
                    return judge;
                }
            } catch (ExecutionException | TimeoutException e) {
                warming.thenAccept(late -> {
                    if (late != null) {
                        late.end();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("the service is stopping");
            }
        }
        return start();
    }

    private JudgeProcess start() {
        try {
            Files.createDirectories(settings.workDir());
            return JudgeProcess.start(settings);
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf(e, "The drafts' judge could not be started (%s)", settings.java());
            throw unavailable("the process that judges drafts could not be started");
        }
    }

    /** 503: no judge, whatever the draft (the service's failure, logged where it happened). */
    private static RefusedException unavailable(String why) {
        return new RefusedException(503, "Drafts cannot be judged now", "No draft can be judged now: " + why + ".",
                List.of());
    }

    /** Ends the judge waiting for the next draft, if any, now or as soon as it is warm. */
    @Override
    public void close() {
        CompletableFuture<JudgeProcess> waiting;
        synchronized (this) {
            closed = true;
            waiting = next;
            next = null;
        }
        if (waiting != null) {
            waiting.thenAccept(judge -> {
                if (judge != null) {
                    judge.end();
                }
            });
        }
    }
}
