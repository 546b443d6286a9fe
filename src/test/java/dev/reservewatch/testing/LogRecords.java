package dev.reservewatch.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records the service writes while a test runs, caught on the root logger (the JBoss log manager's, which
 * is java.util.logging's), so that a test can say what was logged and at which level: a refused draft at INFO, and
 * never an ERROR unless the service itself failed.
 */
public final class LogRecords extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords() {
        setLevel(Level.ALL);
    }

    /** Starts catching; {@link #close()} stops. */
    public static LogRecords catching() {
        LogRecords handler = new LogRecords();
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    /** Records at ERROR (SEVERE) or above, each as "logger: message" with its thrown type. */
    public List<String> errors() {
        return records.stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogRecords::describe).toList();
    }

    /** Records of a logger (by name) at a level, as text. */
    public List<String> of(String logger, Level level) {
        return records.stream().filter(record -> logger.equals(record.getLoggerName())
                && record.getLevel().intValue() == level.intValue()).map(LogRecords::describe).toList();
    }

    public static String describe(LogRecord record) {
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                : record.getMessage();
        return record.getLoggerName() + ": " + message
                + (record.getThrown() == null ? "" : " [" + record.getThrown().getClass().getName() + "]");
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
