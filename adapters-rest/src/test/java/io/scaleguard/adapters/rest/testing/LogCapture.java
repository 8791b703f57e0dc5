package io.scaleguard.adapters.rest.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/**
 * Every java.util.logging record the process writes while open, formatted with its stack trace as a console would
 * show it and followed by its parameters as a structured formatter would see them: the libraries' records at their
 * usual level, ours down to FINEST, so that a secret hidden in a debug line, an exception's message or a record's
 * fields is seen too.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    /** Held here: java.util.logging keeps loggers weakly and would forget the level set on a collected one. */
    private final Logger ours = Logger.getLogger("io.scaleguard");
    private final Level oursBefore = ours.getLevel();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            String text = formatter.format(record) + (parameters == null ? "" : Arrays.deepToString(parameters));
            lines.add(new Line(record, formatter.formatMessage(record), text));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Each captured record in full: time, logger, level, message, any stack trace and any parameters. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The messages alone of one logger's lines. */
    public List<String> messagesOf(Class<?> logger) {
        return ofLogger(logger).map(Line::message).toList();
    }

    /** The records themselves of one logger, for their level and parameters. */
    public List<LogRecord> recordsOf(Class<?> logger) {
        return ofLogger(logger).map(Line::record).toList();
    }

    private Stream<Line> ofLogger(Class<?> logger) {
        return lines.stream().filter(line -> logger.getName().equals(line.record().getLoggerName()));
    }

    private record Line(LogRecord record, String message, String text) {
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        ours.setLevel(oursBefore);
    }
}
