package io.scaleguard.bootstrap.logging;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code 2026-12-03T21:00:00.123Z INFO  logger message}, with the exception's summary rather than pages of frames. */
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
