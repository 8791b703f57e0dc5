package io.scaleguard.adapters.rest.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Metrics and request logs of the HTTP application, registered on what {@code RestApplication.create} returns:
 * the request-id, metrics and request-log filters, {@code GET /metrics}, the JVM meters and the gauge of the
 * password-hashing queue. The registry is the composition root's, so the rate limiter's meters
 * ({@link MicrometerRateLimitEvents}) are scraped from the same endpoint.
 */
public final class ObservabilityFeature implements Feature {

    static final String PASSWORD_HASHES_IN_FLIGHT = "scaleguard.password.hashes.in_flight";

    private final PrometheusMeterRegistry registry;
    private final IntSupplier passwordHashesInFlight;

    /** @param passwordHashesInFlight password hashes running or waiting for a slot, read at each scrape */
    public ObservabilityFeature(PrometheusMeterRegistry registry, IntSupplier passwordHashesInFlight) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.passwordHashesInFlight = Objects.requireNonNull(passwordHashesInFlight, "passwordHashesInFlight");
    }

    @Override
    public boolean configure(FeatureContext context) {
        // Held strongly: Micrometer keeps a gauge's source only weakly, and the supplier is often a fresh lambda.
        Gauge.builder(PASSWORD_HASHES_IN_FLIGHT, passwordHashesInFlight, IntSupplier::getAsInt)
                .description("Password hashes running or queued for a hashing slot").strongReference(true).register(registry);
        context.register(new RequestIdFilter());
        context.register(new HttpMetricsFilter(registry));
        context.register(new RequestLogFilter());
        context.register(new JvmMetrics(registry));
        context.register(new MetricsResource(registry));
        return true;
    }
}
