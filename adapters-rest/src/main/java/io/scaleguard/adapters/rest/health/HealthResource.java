package io.scaleguard.adapters.rest.health;

import io.scaleguard.adapters.rest.problem.Problems;
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
public final class HealthResource {

    private final ReadinessProbe readiness;

    @Inject
    public HealthResource(ReadinessProbe readiness) {
        this.readiness = readiness;
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
