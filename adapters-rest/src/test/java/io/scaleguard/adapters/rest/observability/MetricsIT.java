package io.scaleguard.adapters.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Scrape;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.out.RateLimitEvents.Outcome;
import jakarta.ws.rs.core.MediaType;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} over a real server: the HTTP meters, the JVM's, the hashing queue's and the rate limiter's. */
class MetricsIT extends ServedApplication {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger hashesInFlight = new AtomicInteger();

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components())
                .register(new ObservabilityFeature(registry, hashesInFlight::get));
    }

    @Test
    void servesThePrometheusTextFormat() {
        HttpResponse<String> response = http.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        MediaType type = MediaType.valueOf(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatible(MediaType.TEXT_PLAIN_TYPE)).isTrue();
        assertThat(type.getParameters()).containsEntry("version", "0.0.4").containsEntry("charset", "utf-8");
        assertThat(response.body()).contains("# TYPE jvm_info gauge\n").doesNotContain("# EOF");
    }

    @Test
    void speaksOpenMetricsWhenTheScraperAsksForIt() {
        HttpResponse<String> response = http.get("/metrics",
                "Accept", "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
    }

    @Test
    void timesRequestsByRouteTemplateMethodAndStatus() {
        http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);
        http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);
        http.get("/users/me/items", "Authorization", "Bearer not-a-token");

        String text = http.get("/metrics").body();
        Scrape scrape = new Scrape(text);
        assertThat(text).contains("# TYPE http_server_requests_seconds histogram\n");
        assertThat(scrape.value(REQUESTS, Map.of("method", "GET", "route", "/users/me", "status", "200"))).hasValue(2);
        assertThat(scrape.value(REQUESTS, Map.of("method", "GET", "route", "/users/me/items", "status", "401"))).hasValue(1);
        assertThat(scrape.value("http_server_requests_seconds_bucket",
                Map.of("route", "/users/me", "status", "200", "le", "+Inf"))).hasValue(2);
    }

    @Test
    void labelsUnknownPathsAndMethodsWithFixedWordsNeverWhatTheClientSent() {
        http.get("/users/7f3c2a4e/secret-path-segment?token=abc");
        http.raw("BREW", "/users/me", "", new byte[0]);

        Scrape scrape = scrape();
        assertThat(scrape.value(REQUESTS, Map.of("method", "GET", "route", "UNMATCHED", "status", "404"))).hasValue(1);
        assertThat(scrape.value(REQUESTS, Map.of("method", "OTHER", "route", "UNMATCHED"))).isPresent();
        assertThat(registry.scrape()).doesNotContain("secret-path-segment", "7f3c2a4e", "token=abc", "BREW");
    }

    @Test
    void exposesTheJvmAndTheProcess() {
        String text = http.get("/metrics").body();

        assertThat(text).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_cpu_usage", "process_uptime_seconds", "jvm_info{");
    }

    @Test
    void readsThePasswordHashingQueueAtEachScrape() {
        hashesInFlight.set(3);
        assertThat(scrape().value("scaleguard_password_hashes_in_flight")).hasValue(3);

        hashesInFlight.set(0);
        assertThat(scrape().value("scaleguard_password_hashes_in_flight")).hasValue(0);
    }

    @Test
    void servesTheRateLimitersMetersFromTheSameRegistry() {
        new MicrometerRateLimitEvents(registry).decided("default", Outcome.REFUSED);

        assertThat(scrape().value("scaleguard_ratelimit_decisions_total", Map.of("policy", "default", "outcome", "refused"))).hasValue(1);
    }

    private Scrape scrape() {
        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }
}
