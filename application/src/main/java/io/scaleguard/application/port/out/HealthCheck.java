package io.scaleguard.application.port.out;

/**
 * One dependency's readiness, for {@code GET /health/ready}. Implementations answer within a short time budget
 * (a dead dependency must not hang the probe) and never throw.
 */
public interface HealthCheck {

    /** A short, stable name such as {@code redis} or {@code database}. */
    String name();

    boolean healthy();
}
