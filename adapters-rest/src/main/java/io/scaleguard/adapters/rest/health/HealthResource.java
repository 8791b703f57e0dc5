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
import java.util.Map;
import java.util.stream.Collectors;

/** Liveness (the process answers) and readiness (its dependencies answer too) for load balancers and Kubernetes. */
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
        return new HealthStatus("UP", null);
    }

    @GET
    @Path("ready")
    @Operation(summary = "Readiness: Redis and the database answer too", responses = {
        @ApiResponse(responseCode = "200", description = "UP, with each check's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthStatus.class))),
        @ApiResponse(responseCode = "503", ref = ApiComponents.NOT_READY)})
    public Response ready() {
        Map<String, Boolean> results = readiness.probe();
        String down = results.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        if (!down.isEmpty()) {
            return Problems.status(503, "Not ready; down: " + down + ".").build();
        }
        Map<String, String> checks = new LinkedHashMap<>();
        results.keySet().forEach(name -> checks.put(name, "UP"));
        return Response.ok(new HealthStatus("UP", checks), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
