package io.jenkins.plugins.exotoken.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Keeps what one logger logs, and keeps it off the console, until {@link #close()}. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(Class<?> logging) {
        LogCapture capture = new LogCapture(Logger.getLogger(logging.getName()));
        capture.logger.addHandler(capture);
        capture.logger.setUseParentHandlers(false);
        return capture;
    }

    /** The messages logged at {@code level}, as given (without parameters filled in). */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** The messages logged at {@code level}, with their parameters filled in as a log file shows them. */
    public List<String> formatted(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel() == level).map(formatter::formatMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }
}
