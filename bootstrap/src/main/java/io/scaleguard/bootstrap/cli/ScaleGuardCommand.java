package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.config.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one command line of the jar: serving and the few administrative tasks an operator needs. */
@Command(name = "scaleguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Distributed authentication and rate limiting. Configured by SCALEGUARD_* environment variables.",
        subcommands = {ServeCommand.class, MigrateCommand.class, KeysCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class ScaleGuardCommand {

    /** Exit code for a configuration problem, told apart from a runtime failure (1) and bad usage (2). */
    static final int EXIT_CONFIGURATION = 3;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ScaleGuardCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // One line an operator can act on; the stack trace would only hide it.
            if (exception instanceof ConfigurationException) {
                line.getErr().println("scaleguard: configuration error: " + exception.getMessage());
                return EXIT_CONFIGURATION;
            }
            line.getErr().println("scaleguard: " + withCause(exception));
            return 1;
        });
        return commandLine;
    }

    /**
     * The failure and its root cause in one line ("the database could not be migrated: Connection refused"): the
     * adapters' own messages say what failed, the driver's says why. Never a stack trace.
     */
    static String withCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = String.valueOf(failure.getMessage());
        if (root == failure || root.getMessage() == null || what.contains(root.getMessage())) {
            return what;
        }
        return what + ": " + root.getMessage().lines().findFirst().orElse("").strip();
    }
}
