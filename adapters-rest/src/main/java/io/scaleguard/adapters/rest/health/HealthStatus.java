package io.scaleguard.adapters.rest.health;

import java.util.Map;

/** A healthy probe's answer: {@code status} UP and, for readiness, each check's state. */
public record HealthStatus(String status, Map<String, String> checks) {
}
