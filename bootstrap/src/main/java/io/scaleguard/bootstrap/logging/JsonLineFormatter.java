package io.scaleguard.bootstrap.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time}, {@code level}, {@code logger}, {@code message}, and {@code error} when thrown.
 * A message that is itself a JSON object (the request log's, say) gives its fields to the line instead, so that a log
 * shipper indexes {@code status} or {@code route} without parsing a string.
 */
final class JsonLineFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        String message = formatMessage(record);
        Map<String, Object> fields = fieldsOf(message);
        if (fields == null) {
            line.put("message", message);
        } else {
            fields.forEach(line::putIfAbsent);
        }
        if (record.getThrown() != null) {
            line.put("error", record.getThrown().toString());
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"unloggable record\"}" + System.lineSeparator();
        }
    }

    /** The fields of a message that is a JSON object, or null for any other message. */
    private static Map<String, Object> fieldsOf(String message) {
        if (message == null || !message.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readValue(message, OBJECT);
        } catch (JsonProcessingException notAnObject) {
            return null;
        }
    }
}
