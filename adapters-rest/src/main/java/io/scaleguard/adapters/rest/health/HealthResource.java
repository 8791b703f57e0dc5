package io.scaleguard.adapters.rest.health;

import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.out.HealthCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Liveness (the process answers) and readiness (its dependencies answer too) for load balancers and Kubernetes. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final ReadinessProbe readiness;

    /** @param budget how long the readiness checks together may take before the missing ones count as down */
    public HealthResource(List<HealthCheck> checks, Duration budget) {
        this.readiness = new ReadinessProbe(checks, budget);
    }

    @GET
    @Path("live")
    public HealthStatus live() {
        return new HealthStatus("UP", null);
    }

    @GET
    @Path("ready")
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
