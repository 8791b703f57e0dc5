package io.scaleguard.bootstrap.logging;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Every log line of the process (ours through System.Logger, the libraries' through SLF4J to java.util.logging) goes to
 * standard error as one line: plain text, or JSON for log shippers when {@code SCALEGUARD_LOG_FORMAT=json}.
 */
public final class LogSetup {

    /**
     * Chatty at INFO and of no use to an operator: connection-pool, Netty, migration and container internals. Held
     * here because java.util.logging keeps loggers only weakly: a level set on a collected logger is forgotten. Not
     * created in a static initializer, which would start java.util.logging before {@link #useShutdownSafeManager()}.
     */
    private static List<Logger> quieted = List.of();

    /** Must run before anything logs: the JDK picks its LogManager once, when the LogManager class initialises. */
    public static void useShutdownSafeManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
    }

    public static void install(boolean json) {
        LogManager manager = LogManager.getLogManager();
        manager.reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        Formatter formatter = json ? new JsonLineFormatter() : new TextLineFormatter();
        handler.setFormatter(formatter);
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        quieted = List.of(Logger.getLogger("io.netty"), Logger.getLogger("org.redisson"), Logger.getLogger("liquibase"),
                Logger.getLogger("org.glassfish"), Logger.getLogger("org.eclipse.persistence"));
        quieted.forEach(logger -> logger.setLevel(Level.WARNING));
        if (manager instanceof ShutdownSafeLogManager safe) {
            safe.configured();
        }
    }

    private LogSetup() {
    }
}
