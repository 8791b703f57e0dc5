package io.scaleguard.adapters.rest.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text format, or in OpenMetrics when the
 * scraper's Accept header names it (as Prometheus itself does).
 */
@Path("/metrics")
@Tag(name = "operations")
public final class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "Prometheus metrics", responses = @ApiResponse(responseCode = "200", description = "Every meter", content = {
        @Content(mediaType = PROMETHEUS_TEXT, schema = @Schema(type = "string")),
        @Content(mediaType = OPENMETRICS_TEXT, schema = @Schema(type = "string"))}))
    public Response scrape(@Context HttpHeaders headers) {
        String type = wantsOpenMetrics(headers) ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        return Response.ok(registry.scrape(type)).type(type).build();
    }

    /** Only an explicit request: a wildcard Accept gets the classic text format, which every scraper reads. */
    private static boolean wantsOpenMetrics(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                && type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("openmetrics-text"));
    }
}
