package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.io.PrintStream;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The CLI's logging: silent by default (errors are one line written by the CLI itself); with {@code --debug},
 * the FINE logs of exo-token's core and of msal4j (routed from slf4j to java.util.logging by slf4j-jdk14) on
 * stderr, each record — message, parameters, stack trace — passed through the run's {@link Redactor}.
 */
final class DebugLog {

    static final List<String> DEBUG_LOGGERS = List.of("io.jenkins.plugins.exotoken", "com.microsoft.aad.msal4j");

    /** Strong references: java.util.logging forgets the level of a logger that was garbage-collected. */
    private static List<Logger> configured = List.of();

    private DebugLog() {}

    static void configure(boolean debug, Redactor redactor, PrintStream err) {
        // The JVM's default console handler would print msal4j's warnings around the one-line error.
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        if (!debug) {
            root.setLevel(Level.OFF);
            return;
        }
        root.setLevel(Level.WARNING);
        root.addHandler(new RedactingHandler(err, redactor));
        configured = DEBUG_LOGGERS.stream().map(Logger::getLogger).toList();
        configured.forEach(logger -> logger.setLevel(Level.FINE));
    }

    /** Writes each record, redacted, to stderr; never closes it. */
    private static final class RedactingHandler extends Handler {

        private final PrintStream err;
        private final Redactor redactor;
        private final Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord record) {
                StringBuilder line = new StringBuilder("debug: ").append(record.getLevel().getName()).append(' ')
                        .append(record.getLoggerName()).append(": ").append(formatMessage(record))
                        .append(System.lineSeparator());
                if (record.getThrown() != null) {
                    line.append(redactor.stackTrace(record.getThrown()));
                }
                return redactor.redact(line.toString());
            }
        };

        RedactingHandler(PrintStream err, Redactor redactor) {
            this.err = err;
            this.redactor = redactor;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String text;
                try {
                    text = formatter.format(record);
                } catch (RuntimeException e) {
                    text = "debug: a log record of " + record.getLoggerName() + " could not be formatted ("
                            + e.getClass().getSimpleName() + ")" + System.lineSeparator();
                }
                synchronized (err) {
                    err.print(text);
                    err.flush();
                }
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
