package io.scaleguard.adapters.rest.health;

import io.scaleguard.adapters.rest.openapi.ApiComponents;
import io.scaleguard.adapters.rest.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Liveness (the process answers) and readiness (the replica can serve: its critical dependencies answer) for load
 * balancers and Kubernetes.
 */
@Singleton
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public final class HealthResource {

    private final ReadinessProbe readiness;

    @Inject
    public HealthResource(ReadinessProbe readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("live")
    @Operation(summary = "Liveness: the process answers", responses =
        @ApiResponse(responseCode = "200", description = "UP", useReturnTypeSchema = true))
    public HealthStatus live() {
        return new HealthStatus(HealthStatus.UP, null);
    }

    @GET
    @Path("ready")
    @Operation(summary = "Readiness: the replica can serve; its dependencies answer",
        description = "Every check is listed in checks, UP or DOWN. Only a critical dependency that is down (the database, "
            + "or Redis with the closed failure mode) makes the replica unready. A dependency that a failure mode stands in "
            + "for (Redis with the local or open mode) is reported DOWN with status DEGRADED and 200, so that one outage "
            + "of a shared dependency does not take every replica out of its load balancer.", responses = {
        @ApiResponse(responseCode = "200", description = "UP when every check answers; DEGRADED when only non-critical "
            + "dependencies are down, each named DOWN in checks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthStatus.class))),
        @ApiResponse(responseCode = "503", ref = ApiComponents.NOT_READY)})
    public Response ready() {
        List<CheckOutcome> outcomes = readiness.probe();
        if (outcomes.stream().anyMatch(CheckOutcome::failsReadiness)) {
            String down = outcomes.stream().filter(outcome -> !outcome.up()).map(CheckOutcome::name).collect(Collectors.joining(", "));
            return Problems.status(503, "Not ready; down: " + down + ".").build();
        }
        Map<String, String> checks = new LinkedHashMap<>();
        outcomes.forEach(outcome -> checks.put(outcome.name(), outcome.up() ? HealthStatus.UP : HealthStatus.DOWN));
        String status = checks.containsValue(HealthStatus.DOWN) ? HealthStatus.DEGRADED : HealthStatus.UP;
        return Response.ok(new HealthStatus(status, checks), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
