package io.scaleguard.bootstrap.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code 2026-12-03T21:00:00.123Z INFO  logger message}, with the exception's summary; an unexpected failure (SEVERE)
 * also gets its stack trace on the following lines, since that is what its investigation starts from.
 */
final class TextLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(String.format("%-7s", record.getLevel().getName())).append(' ')
                .append(shortName(record.getLoggerName())).append(' ')
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            line.append(" [").append(record.getThrown()).append(']');
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                StringWriter stack = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(stack));
                line.append(System.lineSeparator()).append(stack.toString().stripTrailing());
            }
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "-";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
