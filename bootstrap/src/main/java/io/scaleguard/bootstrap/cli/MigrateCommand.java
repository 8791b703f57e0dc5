package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.compose.AdminSession;
import io.scaleguard.bootstrap.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Brings the database schema up to date and exits: for deployments that migrate before rolling out replicas. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the database migrations (safe while replicas run or start) and exit.")
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (AdminSession session = AdminSession.open(ConfigLoader.load(System.getenv()))) {
            spec.commandLine().getOut().println("database schema is up to date");
        }
        return 0;
    }
}
