package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.compose.AdminSession;
import io.scaleguard.bootstrap.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Signing-key administration. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage token-signing keys.",
        subcommands = KeysCommand.Rotate.class)
final class KeysCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Create a new signing key; new tokens use it at once, and older keys keep verifying until "
                    + "the tokens they signed have expired.")
    static final class Rotate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--reason", defaultValue = "command line", description = "Why, for the log (default: ${DEFAULT-VALUE}).")
        private String reason;

        @Override
        public Integer call() {
            try (AdminSession session = AdminSession.open(ConfigLoader.load(System.getenv()))) {
                spec.commandLine().getOut().println("new signing key: " + session.rotateSigningKey(reason));
            }
            return 0;
        }
    }
}
