package io.scaleguard.ops.system;

import io.scaleguard.ops.fixture.ClusterOptions;
import io.scaleguard.ops.fixture.ServiceCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Three replicas behind an edge whose per-IP limits never bite, with a small default plan, shared by the system tests
 * that leave every replica running: started on first use, stopped when the whole test run ends (the root store
 * closes it), because each start of three JVMs costs tens of seconds on a small machine. Tests that use it keep to
 * users of their own. Inject it as a {@link ServiceCluster} constructor parameter.
 */
public final class GenerousEdgeCluster implements ParameterResolver {

    /** The default plan's bucket: small enough to empty in a moment, fast enough to refill measurably. */
    public static final int CAPACITY = 20;
    public static final int REFILL_PER_SECOND = 5;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GenerousEdgeCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServiceCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cluster", key -> ServiceCluster.start(
                ClusterOptions.replicas(3)
                        .edge("--edge-rate", "10000r/s", "--edge-burst", "10000",
                                "--edge-auth-rate", "10000r/s", "--edge-auth-burst", "10000")
                        .env("SCALEGUARD_RATE_CAPACITY", String.valueOf(CAPACITY))
                        .env("SCALEGUARD_RATE_REFILL_PER_SECOND", String.valueOf(REFILL_PER_SECOND))),
                ServiceCluster.class);
    }
}
