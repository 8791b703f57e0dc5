package io.scaleguard.adapters.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.LogCapture;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * A request's record carries its fields twice, so that no formatter parses a line: the readable text as the message
 * and, as the one parameter, an ordered map of the same fields, which bootstrap's JSON formatter writes as members.
 */
class RequestLogFieldsIT extends ServedApplication {

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(new ObservabilityFeature(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> 0));
    }

    @Test
    void theOneParameterIsAnOrderedMapOfTheFieldsTheMessageSays() {
        LogRecord record = onlyRecordOf(() -> http.get("/users/me/items",
                "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN, RequestIdFilter.HEADER, "req-42"));

        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        Map<String, Object> fields = fieldsOf(record);
        assertThat(fields.keySet()).containsExactly("method", "route", "status", "latency_ms", "user_id", "request_id");
        assertThat(fields.get("method")).isEqualTo("GET");
        assertThat(fields.get("route")).isEqualTo("/users/me/items");
        assertThat(fields.get("status")).isEqualTo(200);
        assertThat(fields.get("latency_ms")).isInstanceOfSatisfying(Double.class, latency -> assertThat(latency).isNotNegative());
        assertThat(fields.get("user_id")).isEqualTo(FakeUseCases.ALICE.id().toString());
        assertThat(fields.get("request_id")).isEqualTo("req-42");
        assertThat(record.getMessage()).isEqualTo(fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining(" ")));
    }

    @Test
    void theMessageHasNoPlaceholderForAFormatterToExpand() {
        LogRecord record = onlyRecordOf(() -> http.get("/health/live"));

        assertThat(record.getMessage()).doesNotContain("{").startsWith("method=GET route=/health/live status=200 ");
    }

    @Test
    void anAnonymousRequestHasNoUserField() {
        Map<String, Object> fields = fieldsOf(onlyRecordOf(() -> http.get("/health/live")));

        assertThat(fields).doesNotContainKey("user_id");
        assertThat(fields.get("route")).isEqualTo("/health/live");
    }

    @Test
    void theFieldsCannotBeChangedByAHandler() {
        Map<String, Object> fields = fieldsOf(onlyRecordOf(() -> http.get("/health/live")));

        assertThat(fields).isUnmodifiable();
    }

    private static LogRecord onlyRecordOf(Runnable request) {
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.start()) {
            request.run();
            records = logs.recordsOf(RequestLogFilter.class);
        }
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** The record's one parameter, checked to be a map; the tests check its keys. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldsOf(LogRecord record) {
        assertThat(record.getParameters()).hasSize(1);
        assertThat(record.getParameters()[0]).isInstanceOf(Map.class);
        return (Map<String, Object>) record.getParameters()[0];
    }
}
