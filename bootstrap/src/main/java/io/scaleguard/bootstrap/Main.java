package io.scaleguard.bootstrap;

import io.scaleguard.bootstrap.cli.ScaleGuardCommand;
import io.scaleguard.bootstrap.logging.LogSetup;
import picocli.CommandLine;

/** {@code java -jar scaleguard.jar [command]}: with no command it serves, which is what a container or a user expects. */
public final class Main {

    public static void main(String[] args) {
        LogSetup.useShutdownSafeManager();
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        System.exit(ScaleGuardCommand.commandLine().execute(effective));
    }

    private Main() {
    }
}
