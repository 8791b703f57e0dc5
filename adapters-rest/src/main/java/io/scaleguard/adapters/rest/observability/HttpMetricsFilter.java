package io.scaleguard.adapters.rest.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;

/**
 * Times every request into {@code http_server_requests_seconds{method, route, status}}. Every label comes from a
 * bounded set: the standard methods, the application's own route templates and the status codes.
 */
@PreMatching
@Priority(ObservedRequest.OUTERMOST)
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String TIMER = "http.server.requests";

    /** Buckets for Prometheus' histogram_quantile, from a fast cached answer to a hung dependency. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ObservedRequest.arrived(request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ObservedRequest.elapsed(request).ifPresent(elapsed -> Timer.builder(TIMER)
                .description("HTTP requests served, by route template, method and status")
                .tag("method", RequestLabels.method(request))
                .tag("route", RequestLabels.route(request))
                .tag("status", Integer.toString(response.getStatus()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(elapsed));
    }
}
