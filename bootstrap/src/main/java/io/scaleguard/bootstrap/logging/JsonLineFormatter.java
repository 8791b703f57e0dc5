package io.scaleguard.bootstrap.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time}, {@code level}, {@code logger}, then the event: its fields when the record
 * carries them (its one parameter is a map of fields, as the request log's records do), else {@code message}; and
 * {@code error} with {@code stack} when something was thrown, since the line is all an operator gets.
 */
final class JsonLineFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        Map<?, ?> fields = fieldsOf(record);
        if (fields == null) {
            line.put("message", formatMessage(record));
        } else {
            fields.forEach((name, value) -> line.putIfAbsent(String.valueOf(name), value));
        }
        if (record.getThrown() != null) {
            line.put("error", record.getThrown().toString());
            line.put("stack", stackOf(record.getThrown()));
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"unloggable record\"}" + System.lineSeparator();
        }
    }

    /** The record's fields when its one parameter is a map of them, else null. */
    private static Map<?, ?> fieldsOf(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters != null && parameters.length == 1 && parameters[0] instanceof Map<?, ?> map ? map : null;
    }

    private static String stackOf(Throwable thrown) {
        StringWriter stack = new StringWriter();
        thrown.printStackTrace(new PrintWriter(stack));
        return stack.toString();
    }
}
