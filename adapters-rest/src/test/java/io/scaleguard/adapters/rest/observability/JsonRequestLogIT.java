package io.scaleguard.adapters.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.LogCapture;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** In JSON form, a request-log line is one JSON object whose members are the request's fields. */
class JsonRequestLogIT extends ServedApplication {

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(new ObservabilityFeature(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), RequestLogFormat.JSON, () -> 0));
    }

    @Test
    void theLineIsAJsonObjectOfTheRequestsFields() {
        List<String> lines;
        try (LogCapture logs = LogCapture.start()) {
            http.get("/users/me/items", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN, RequestIdFilter.HEADER, "req-42");
            lines = logs.messagesOf(RequestLogFilter.class);
        }

        assertThat(lines).singleElement().asString().doesNotContain(FakeUseCases.GOOD_TOKEN);
        JsonNode line = Http.json(lines.get(0));
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("route").asText()).isEqualTo("/users/me/items");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("latency_ms").isNumber()).isTrue();
        assertThat(line.get("latency_ms").asDouble()).isNotNegative();
        assertThat(line.get("user_id").asText()).isEqualTo(FakeUseCases.ALICE.id().toString());
        assertThat(line.get("request_id").asText()).isEqualTo("req-42");
    }

    @Test
    void anAnonymousRequestHasNoUserMember() {
        List<String> lines;
        try (LogCapture logs = LogCapture.start()) {
            http.get("/health/live");
            lines = logs.messagesOf(RequestLogFilter.class);
        }

        JsonNode line = Http.json(lines.get(0));
        assertThat(line.has("user_id")).isFalse();
        assertThat(line.get("route").asText()).isEqualTo("/health/live");
    }
}
