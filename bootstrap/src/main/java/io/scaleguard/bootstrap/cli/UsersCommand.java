package io.scaleguard.bootstrap.cli;

import io.scaleguard.bootstrap.compose.AdminSession;
import io.scaleguard.bootstrap.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Account administration. An unknown user exits with 1 and says so. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = {UsersCommand.SetPlan.class, UsersCommand.Disable.class})
final class UsersCommand {

    @Command(name = "set-plan", mixinStandardHelpOptions = true,
            description = "Move a user to another rate-limit plan (a policy name; unknown plans use the default policy).")
    static final class SetPlan implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Parameters(index = "1", paramLabel = "PLAN")
        private String plan;

        @Override
        public Integer call() {
            try (AdminSession session = AdminSession.open(ConfigLoader.load(System.getenv()))) {
                return report(spec, session.setPlan(username, plan), username + " is now on plan " + plan);
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: logins are refused and refresh tokens revoked; access tokens end at expiry.")
    static final class Disable implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Option(names = "--enable", description = "Enable the user again instead.")
        private boolean enable;

        @Override
        public Integer call() {
            try (AdminSession session = AdminSession.open(ConfigLoader.load(System.getenv()))) {
                return report(spec, session.setDisabled(username, !enable), username + (enable ? " is enabled" : " is disabled"));
            }
        }
    }

    private static int report(CommandSpec spec, boolean found, String done) {
        if (found) {
            spec.commandLine().getOut().println(done);
            return 0;
        }
        spec.commandLine().getErr().println("scaleguard: no such user");
        return 1;
    }
}
