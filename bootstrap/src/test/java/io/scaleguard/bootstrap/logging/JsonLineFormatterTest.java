package io.scaleguard.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLineFormatter formatter = new JsonLineFormatter();

    private JsonNode line(LogRecord record) throws Exception {
        record.setLoggerName("io.scaleguard.Test");
        String text = formatter.format(record);
        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip().lines()).as("one line").hasSize(1);
        return JSON.readTree(text);
    }

    @Test
    void writesAPlainMessageAsTheMessageField() throws Exception {
        JsonNode line = line(new LogRecord(Level.INFO, "ScaleGuard ready on port 8080"));
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.scaleguard.Test");
        assertThat(line.get("message").asText()).isEqualTo("ScaleGuard ready on port 8080");
        assertThat(line.has("time")).isTrue();
    }

    @Test
    void writesTheFieldsOfARecordThatCarriesThemWithoutLettingThemReplaceItsOwn() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", "GET");
        fields.put("route", "/users/me");
        fields.put("status", 200);
        fields.put("level", "forged");
        LogRecord record = new LogRecord(Level.INFO, "method=GET route=/users/me status=200");
        record.setParameters(new Object[] {fields});
        JsonNode line = line(record);
        assertThat(line.get("route").asText()).isEqualTo("/users/me");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.has("message")).isFalse();
    }

    @Test
    void keepsTheStackTraceOfAFailureOnItsLine() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "unexpected failure");
        record.setThrown(new IllegalStateException("boom"));
        JsonNode line = line(record);
        assertThat(line.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(line.get("stack").asText()).contains("at io.scaleguard.bootstrap.logging.JsonLineFormatterTest");
    }
}
