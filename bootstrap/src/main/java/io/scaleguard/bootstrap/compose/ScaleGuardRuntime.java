package io.scaleguard.bootstrap.compose;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.postgres.PersistenceModule;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.RestComponents;
import io.scaleguard.adapters.rest.observability.MicrometerRateLimitEvents;
import io.scaleguard.adapters.rest.observability.ObservabilityFeature;
import io.scaleguard.adapters.rest.openapi.ApiDocsFeature;
import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.quota.ChargeQuotaService;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import io.scaleguard.bootstrap.server.HttpServerRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The composition root: builds every adapter and use case from the configuration with {@code new}, serves them, and
 * closes them in the order ARCHITECTURE.md gives: stop accepting and drain, then Redis, then the database.
 */
public final class ScaleGuardRuntime implements AutoCloseable {

    private final HttpServerRunner server;
    private final Limiting limiting;
    private final PersistenceModule store;
    private final ServingCheck serving;
    private final Housekeeping housekeeping;
    private final String description;

    private ScaleGuardRuntime(HttpServerRunner server, Limiting limiting, PersistenceModule store, ServingCheck serving,
                              Housekeeping housekeeping, String description) {
        this.server = server;
        this.limiting = limiting;
        this.store = store;
        this.serving = serving;
        this.housekeeping = housekeeping;
        this.description = description;
    }

    public static ScaleGuardRuntime start(ScaleGuardConfig config) {
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RateLimitEvents events = new MicrometerRateLimitEvents(metrics);
        PersistenceModule store = Persistence.open(config);
        Limiting limiting = null;
        try {
            limiting = Limiting.open(config, events, clock);
            UseCases useCases = UseCases.wire(config, store, new ChargeQuotaService(limiting.limiter(), events), clock);
            ServingCheck serving = new ServingCheck();
            ResourceConfig application = application(config, useCases, healthChecks(serving, store, limiting))
                    .register(new ObservabilityFeature(metrics, store.passwordHashesInFlight()))
                    .register(new ApiDocsFeature(config.issuer(), Version.current()));
            HttpServerRunner server = HttpServerRunner.start(application, config.httpHost(), config.httpPort(), config.workerThreads(),
                    config.shutdownGrace());
            return new ScaleGuardRuntime(server, limiting, store, serving, Housekeeping.start(useCases.purgeEndedCredentials()),
                    limiting.description() + ", " + store);
        } catch (RuntimeException e) {
            if (limiting != null) {
                limiting.close();
            }
            store.close();
            throw e;
        }
    }

    static ResourceConfig application(ScaleGuardConfig config, UseCases useCases, List<HealthCheck> health) {
        return RestApplication.create(new RestComponents(useCases.registerUser(), useCases.issueToken(), useCases.revokeToken(),
                useCases.authorizeRequest(), useCases.getProfile(), useCases.changePassword(), useCases.publishKeys(), health,
                config.trustedProxies(), config.issuer(), UseCases.SCOPES));
    }

    private static List<HealthCheck> healthChecks(ServingCheck serving, PersistenceModule store, Limiting limiting) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(serving);
        checks.add(store.health());
        checks.addAll(limiting.health());
        return checks;
    }

    public int port() {
        return server.port();
    }

    /** What this replica runs on, for the start-up log line. */
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        serving.stopping();
        housekeeping.close();
        server.close();
        limiting.close();
        store.close();
    }
}
