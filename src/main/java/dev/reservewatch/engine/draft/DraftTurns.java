package dev.reservewatch.engine.draft;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.reservewatch.error.BusyException;

/**
 * The drafts' turns: one draft at a time, on the caller's thread, and a turn begins no sooner after the last one
 * ended than that one lasted, so that drafts take at most half of one core however many authors send them. A draft
 * waits up to {@code waitForTurn} for its turn, then is turned away (429) and told how long until the next one.
 */
public final class DraftTurns {

    private final Duration waitForTurn;
    private final Semaphore turn = new Semaphore(1, true);
    /** When the next turn may begin (System.nanoTime()); written and read only while holding the turn. */
    private long nextTurnAt = System.nanoTime();

    public DraftTurns(Duration waitForTurn) {
        this.waitForTurn = waitForTurn;
    }

    /** Runs {@code work} in a turn of its own; 429 when no turn comes within the wait. */
    public <T> T take(Supplier<T> work) {
        long deadline = System.nanoTime() + waitForTurn.toNanos();
        try {
            if (!turn.tryAcquire(waitForTurn.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy("Another draft is being compiled or judged", waitForTurn.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The service is stopping", waitForTurn.toNanos());
        }
        try {
            long pause = nextTurnAt - System.nanoTime();
            if (pause > 0) {
                if (nextTurnAt - deadline > 0) {
                    throw busy("The last draft's turn ended a moment ago", pause);
                }
                TimeUnit.NANOSECONDS.sleep(pause);
            }
            long started = System.nanoTime();
            try {
                return work.get();
            } finally {
                long ended = System.nanoTime();
                nextTurnAt = ended + (ended - started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The service is stopping", waitForTurn.toNanos());
        } finally {
            turn.release();
        }
    }

    /** 429, naming the seconds until a turn may be free (at least one). */
    private static BusyException busy(String why, long nanosUntilFree) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanosUntilFree + 999_999_999L) / 1_000_000_000L));
        return new BusyException(why + "; drafts compile one at a time, and take at most half of one core. Try again in "
                + seconds + (seconds == 1 ? " second." : " seconds."), seconds);
    }
}
