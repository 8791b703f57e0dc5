package io.scaleguard.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLineFormatter formatter = new JsonLineFormatter();

    private JsonNode line(String message) throws Exception {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("io.scaleguard.Test");
        String text = formatter.format(record);
        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip().lines()).as("one line").hasSize(1);
        return JSON.readTree(text);
    }

    @Test
    void writesAPlainMessageAsTheMessageField() throws Exception {
        JsonNode line = line("ScaleGuard ready on port 8080");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.scaleguard.Test");
        assertThat(line.get("message").asText()).isEqualTo("ScaleGuard ready on port 8080");
        assertThat(line.has("time")).isTrue();
    }

    @Test
    void liftsTheFieldsOfAJsonObjectMessageToTheLineWithoutLettingThemReplaceItsOwn() throws Exception {
        JsonNode line = line("{\"method\":\"GET\",\"route\":\"/users/me\",\"status\":200,\"level\":\"forged\"}");
        assertThat(line.get("route").asText()).isEqualTo("/users/me");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.has("message")).isFalse();
    }

    @Test
    void keepsABraceThatIsNotJsonAsText() throws Exception {
        assertThat(line("{not json").get("message").asText()).isEqualTo("{not json");
    }
}
