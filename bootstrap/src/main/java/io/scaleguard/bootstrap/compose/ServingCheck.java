package io.scaleguard.bootstrap.compose;

import io.scaleguard.application.port.out.HealthCheck;

/**
 * Readiness of the replica itself: healthy until it starts to drain, so that an orchestrator (a Kubernetes Service,
 * a load balancer polling /health/ready) stops sending it requests while it finishes the ones it has.
 */
final class ServingCheck implements HealthCheck {

    private volatile boolean stopping;

    void stopping() {
        stopping = true;
    }

    @Override
    public String name() {
        return "serving";
    }

    @Override
    public boolean healthy() {
        return !stopping;
    }
}
