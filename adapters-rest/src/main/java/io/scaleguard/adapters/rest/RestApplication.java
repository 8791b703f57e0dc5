package io.scaleguard.adapters.rest;

import io.scaleguard.adapters.rest.account.CurrentUserResource;
import io.scaleguard.adapters.rest.account.RegistrationResource;
import io.scaleguard.adapters.rest.bearer.BearerAuthenticationFilter;
import io.scaleguard.adapters.rest.health.HealthResource;
import io.scaleguard.adapters.rest.http.BodySizeLimitFilter;
import io.scaleguard.adapters.rest.http.ClientAddressResolver;
import io.scaleguard.adapters.rest.http.NoStoreFilter;
import io.scaleguard.adapters.rest.json.StrictObjectMapperResolver;
import io.scaleguard.adapters.rest.oauth.JwksResource;
import io.scaleguard.adapters.rest.oauth.RevocationResource;
import io.scaleguard.adapters.rest.oauth.ServerMetadataResource;
import io.scaleguard.adapters.rest.oauth.TokenResource;
import io.scaleguard.adapters.rest.problem.ExceptionProblemMapper;
import io.scaleguard.adapters.rest.problem.ProblemBodyFilter;
import java.time.Duration;
import java.util.Set;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The one factory of the HTTP application; {@code main} and the REST tests both serve what it builds. Everything is
 * registered here by hand, as instances wired with their use cases: no classpath scanning, no auto-discovered
 * features, so what runs is what this method says.
 */
public final class RestApplication {

    /**
     * The request property ({@link jakarta.ws.rs.container.ContainerRequestContext#getProperty}) under which the
     * bearer filter stores the verified {@link io.scaleguard.domain.auth.Principal} of a request to a protected
     * endpoint, set for admitted and for rate-limited requests alike. Absent on public endpoints and on 401s.
     */
    public static final String PRINCIPAL_PROPERTY = BearerAuthenticationFilter.PRINCIPAL_PROPERTY;

    /** Request bodies are a few hundred bytes; anything over this is refused with 413. */
    public static final long MAX_BODY_BYTES = 16 * 1024;

    /** All readiness checks together answer within this, under the usual 1 s timeout of a Kubernetes probe. */
    static final Duration READINESS_BUDGET = Duration.ofMillis(500);

    private RestApplication() {
    }

    public static ResourceConfig create(RestComponents components) {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);

        // Jackson without its own exception mappers: they would echo the parser's message to the client.
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new StrictObjectMapperResolver());
        config.register(new ExceptionProblemMapper());
        config.register(new ProblemBodyFilter());
        config.register(new BodySizeLimitFilter(MAX_BODY_BYTES));
        config.register(new NoStoreFilter(Set.of("auth/token", "auth/revoke")));
        config.register(new BearerAuthenticationFilter(components.authorizeRequest()));

        registerResource(config, new RegistrationResource(components.registerUser()));
        registerResource(config, new TokenResource(components.issueToken(), new ClientAddressResolver(components.trustedProxies())));
        registerResource(config, new RevocationResource(components.revokeToken()));
        registerResource(config, new JwksResource(components.publishKeys()));
        registerResource(config, new ServerMetadataResource(components.issuer(), components.scopes()));
        registerResource(config, new CurrentUserResource(components.getProfile(), components.changePassword()));
        registerResource(config, new HealthResource(components.readiness(), READINESS_BUDGET));
        return config;
    }

    /**
     * A resource built here, served as the singleton it is. Registering the class and binding the instance to it
     * (rather than registering the instance) keeps Jersey from warning at start that it "ignores" the resource.
     */
    private static <T> void registerResource(ResourceConfig config, T resource) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) resource.getClass();
        config.register(type);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(resource).to(type);
            }
        });
    }
}
