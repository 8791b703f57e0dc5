package io.scaleguard.adapters.rest.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging line the process writes while open, formatted with its stack trace as a console would
 * show it: the libraries' lines at their usual level, ours down to FINEST, so that a secret hidden in a debug line
 * or in an exception's message is seen too.
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
            lines.add(new Line(record.getLoggerName(), formatter.formatMessage(record), formatter.format(record)));
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

    /** Each captured line in full: time, logger, level, message and any stack trace. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The messages alone of one logger's lines. */
    public List<String> messagesOf(Class<?> logger) {
        return lines.stream().filter(line -> logger.getName().equals(line.logger())).map(Line::message).toList();
    }

    private record Line(String logger, String message, String text) {
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        ours.setLevel(oursBefore);
    }
}
