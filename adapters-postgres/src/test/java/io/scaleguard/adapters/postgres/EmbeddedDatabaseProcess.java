package io.scaleguard.adapters.postgres;

import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.Username;
import java.nio.file.Path;

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
}
