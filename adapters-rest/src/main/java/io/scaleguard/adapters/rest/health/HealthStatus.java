package io.scaleguard.adapters.rest.health;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A serving probe's answer: {@code status} UP, or DEGRADED while a non-critical dependency is down, and, for readiness,
 * each check's state, UP or DOWN.
 */
public record HealthStatus(@Schema(allowableValues = {UP, DEGRADED}) String status,
                           @Schema(description = "Each check's state, UP or DOWN; readiness only") Map<String, String> checks) {

    static final String UP = "UP";
    static final String DEGRADED = "DEGRADED";
    static final String DOWN = "DOWN";
}
