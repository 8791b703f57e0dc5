package io.scaleguard.adapters.rest.health;

/**
 * One readiness check's answer to one probe. {@code critical} is the check's own word: a dependency that a failure
 * mode stands in for is reported when down but does not make the replica unready.
 */
record CheckOutcome(String name, boolean up, boolean critical) {

    boolean failsReadiness() {
        return critical && !up;
    }
}
