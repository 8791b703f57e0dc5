package io.scaleguard.bootstrap.logging;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager resets itself (closing every handler) from its own shutdown hook, which races the service's
 * shutdown hook: the lines that say the drain began and ended were lost. This manager ignores that reset; logging stays
 * up until the JVM halts, and the console handler writes each line as it comes, so nothing is left unflushed.
 * Installed by {@link LogSetup#useShutdownSafeManager()} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {

    private volatile boolean configured;

    @Override
    public void reset() {
        // The first reset is LogSetup's own, before it installs the handler; any later one is the JDK's shutdown hook.
        if (!configured) {
            super.reset();
        }
    }

    void configured() {
        configured = true;
    }
}
