package io.scaleguard.adapters.postgres;

import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.Username;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second process on an embedded database, as an admin command of the jar would be: {@code find <dir> <username>}
 * prints whether the account exists; {@code add <dir> <username>} stores it and then halts at once, without closing
 * anything, like a killed process.
 */
final class EmbeddedDatabaseProcess {

    static final String RESULT = "RESULT ";

    private EmbeddedDatabaseProcess() {
    }

    public static void main(String[] args) {
        String command = args[0];
        Username username = new Username(args[2]);
        PersistenceModule module = PersistenceModule.open(DatabaseSettings.embedded(Path.of(args[1]))
                .withPasswordHashing(TestDatabase.FAST_HASHING));
        module.migrate();
        if (command.equals("add")) {
            System.out.println(RESULT + module.userAccounts().add(Accounts.account(username, "h")).getClass().getSimpleName());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        System.out.println(RESULT + (module.userAccounts().byUsername(username).isPresent() ? "found" : "missing"));
        module.close();
    }

    /** Runs {@link #main} in a JVM of its own, started with these options, on the data directory. */
    static Run run(List<String> jvmOptions, String command, Path dataDirectory, Username username)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(), command,
                dataDirectory.toString(), username.value()));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // read to the end first: the process ends once it has written everything, and a full pipe would block it
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the second process did not end: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** How a second process ended, everything it printed, and its result word if it got that far. */
    record Run(int exitCode, String output) {
        Optional<String> result() {
            return output.lines().filter(line -> line.startsWith(RESULT)).findFirst().map(line -> line.substring(RESULT.length()));
        }
    }
}
