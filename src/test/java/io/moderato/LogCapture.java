package io.moderato;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects, while open, what the service (running in the same JVM as a {@code @QuarkusTest}) logs at ERROR, or logs
 * with a stack trace at any level: what a client error must never cause.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    /** @return a capture attached to the root logger */
    public static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
            records.add(record);
        }
    }

    /** @return what was captured, one line each: level, logger, message and the throwable's type */
    public List<String> problems() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " [" + r.getThrown() + "]")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
