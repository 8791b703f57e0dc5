package io.scaleguard.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** Every endpoint is found by a route template, so that metrics can label requests by route rather than raw path. */
class RouteTemplatesIT extends ServedApplication {

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(RouteEchoFilter.class);
    }

    @Test
    void eachEndpointAnswersWithItsRouteTemplate() {
        assertThat(route("/users/me/items")).isEqualTo("/users/me/items");
        assertThat(route("/users/me")).isEqualTo("/users/me");
        assertThat(route("/health/ready")).isEqualTo("/health/ready");
        assertThat(route("/.well-known/jwks.json")).isEqualTo("/.well-known/jwks.json");
        assertThat(http.postForm("/auth/token", "grant_type=password&username=a&password=b").headers().firstValue("X-Route"))
                .hasValue("/auth/token");
    }

    private String route(String path) {
        return http.get(path, "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN).headers().firstValue("X-Route").orElse("");
    }
}
