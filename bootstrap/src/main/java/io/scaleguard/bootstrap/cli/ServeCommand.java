package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.compose.ScaleGuardRuntime;
import io.scaleguard.bootstrap.config.ConfigLoader;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import io.scaleguard.bootstrap.logging.LogSetup;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** Runs the service until SIGTERM or SIGINT, then drains in-flight requests and closes Redis and the database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (the default when no command is given). Migrates the database first.")
final class ServeCommand implements Callable<Integer> {

    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @Override
    public Integer call() throws InterruptedException {
        ScaleGuardConfig config = ConfigLoader.load(System.getenv());
        LogSetup.install(config.jsonLogs());
        ScaleGuardRuntime runtime = ScaleGuardRuntime.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM runs shutdown hooks on SIGTERM/SIGINT; the hook must not return before the drain ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping: draining in-flight requests for at most {0} s",
                    Long.toString(config.shutdownGrace().toSeconds()));
            runtime.close();
            LOG.log(System.Logger.Level.INFO, "stopped");
            stopped.countDown();
        }, "scaleguard-shutdown"));
        LOG.log(System.Logger.Level.INFO, "ScaleGuard ready on port {0} ({1})", Integer.toString(runtime.port()), runtime.describe());
        stopped.await();
        return 0;
    }
}
