package io.scaleguard.bootstrap.logging;

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

    public static void install(boolean json) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        Formatter formatter = json ? new JsonLineFormatter() : new TextLineFormatter();
        handler.setFormatter(formatter);
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        // Chatty at INFO and of no use to an operator: connection-pool and Netty internals.
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
        Logger.getLogger("org.redisson").setLevel(Level.WARNING);
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
        Logger.getLogger("org.glassfish").setLevel(Level.WARNING);
    }

    private LogSetup() {
    }
}
