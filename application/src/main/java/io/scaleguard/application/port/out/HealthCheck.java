package io.scaleguard.application.port.out;

/**
 * One dependency's readiness, for {@code GET /health/ready}. Implementations answer within a short time budget
 * (a dead dependency must not hang the probe) and never throw.
 */
public interface HealthCheck {

    /** A short, stable name such as {@code redis} or {@code database}. */
    String name();

    boolean healthy();

    /**
     * Whether the replica cannot serve without this dependency. A dependency that is not critical (Redis, while a
     * {@code local} or {@code open} failure mode stands in for it) is reported when it is down, but readiness stays up:
     * otherwise one outage of a shared dependency would take every replica out of its load balancer at once.
     */
    default boolean critical() {
        return true;
    }
}
