package io.scaleguard.adapters.rest;

import io.scaleguard.adapters.rest.account.CurrentUserResource;
import io.scaleguard.adapters.rest.account.RegistrationResource;
import io.scaleguard.adapters.rest.bearer.BearerAuthenticationFilter;
import io.scaleguard.adapters.rest.health.HealthResource;
import io.scaleguard.adapters.rest.health.ReadinessProbe;
import io.scaleguard.adapters.rest.http.BodySizeLimitFilter;
import io.scaleguard.adapters.rest.http.ClientAddressResolver;
import io.scaleguard.adapters.rest.http.NoStoreFilter;
import io.scaleguard.adapters.rest.json.EntityWritingWithoutMethodAnnotations;
import io.scaleguard.adapters.rest.json.StrictObjectMapperResolver;
import io.scaleguard.adapters.rest.oauth.AuthorizationServerMetadata;
import io.scaleguard.adapters.rest.oauth.JwksResource;
import io.scaleguard.adapters.rest.oauth.RevocationResource;
import io.scaleguard.adapters.rest.oauth.ServerMetadataResource;
import io.scaleguard.adapters.rest.oauth.TokenResource;
import io.scaleguard.adapters.rest.problem.ExceptionProblemMapper;
import io.scaleguard.adapters.rest.problem.ProblemBodyFilter;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.IssueTokenUseCase;
import io.scaleguard.application.port.in.PublishKeysUseCase;
import io.scaleguard.application.port.in.RegisterUserUseCase;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
import java.time.Duration;
import java.util.Set;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The one factory of the HTTP application; {@code main} and the REST tests both serve what it builds. Everything is
 * registered here by hand: providers as instances, the use cases and a few adapter singletons in one binder, and the
 * resources as classes that take them through their constructors. No classpath scanning, no auto-discovered
 * features: what runs is what this method says. The composition root adds the optional features on what it returns:
 * {@link io.scaleguard.adapters.rest.observability.ObservabilityFeature} (metrics, request logs, request ids) and
 * {@link io.scaleguard.adapters.rest.openapi.ApiDocsFeature} (the OpenAPI document and Swagger UI).
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
        // Should the runtime itself ever fail to answer, Grizzly then sends a bare 500 rather than its HTML page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // Location headers stay as written, relative (RFC 9110 allows it): made absolute from the request, they would
        // name the replica's own scheme and address, http behind a TLS edge, rather than the one the client called.
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        // Jackson without its own exception mappers: they would echo the parser's message to the client.
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new StrictObjectMapperResolver());
        config.register(new EntityWritingWithoutMethodAnnotations());
        config.register(new ExceptionProblemMapper());
        config.register(new ProblemBodyFilter());
        config.register(new BodySizeLimitFilter(MAX_BODY_BYTES));
        config.register(new NoStoreFilter(Set.of("auth/token", "auth/revoke")));
        config.register(new BearerAuthenticationFilter(components.authorizeRequest()));

        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(components.registerUser()).to(RegisterUserUseCase.class);
                bind(components.issueToken()).to(IssueTokenUseCase.class);
                bind(components.revokeToken()).to(RevokeTokenUseCase.class);
                bind(components.getProfile()).to(GetProfileUseCase.class);
                bind(components.changePassword()).to(ChangePasswordUseCase.class);
                bind(components.publishKeys()).to(PublishKeysUseCase.class);
                bind(new ClientAddressResolver(components.trustedProxies())).to(ClientAddressResolver.class);
                bind(AuthorizationServerMetadata.of(components.issuer(), components.scopes())).to(AuthorizationServerMetadata.class);
                bind(new ReadinessProbe(components.readiness(), READINESS_BUDGET)).to(ReadinessProbe.class);
            }
        });
        // Resources are singletons that Jersey builds with these bindings through their constructors.
        config.register(RegistrationResource.class);
        config.register(TokenResource.class);
        config.register(RevocationResource.class);
        config.register(JwksResource.class);
        config.register(ServerMetadataResource.class);
        config.register(CurrentUserResource.class);
        config.register(HealthResource.class);
        return config;
    }
}
