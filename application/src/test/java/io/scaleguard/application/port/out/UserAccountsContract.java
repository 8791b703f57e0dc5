package io.scaleguard.application.port.out;

import static io.scaleguard.application.testing.Accounts.account;
import static io.scaleguard.application.testing.Accounts.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.UserAccounts.AddResult;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store of accounts must do. Extend it and return the store from {@link #accounts()}; every test uses
 * fresh usernames, so the contract can run against a shared database and be rerun.
 */
public abstract class UserAccountsContract {

    protected abstract UserAccounts accounts();

    @Test
    void findsAnAddedAccountByUsernameAndByIdWithEveryField() {
        UserAccount account = account("$fake$r=1$salt$hash");
        assertThat(accounts().add(account)).isEqualTo(new AddResult.Added(account));
        assertThat(accounts().byUsername(account.username())).contains(account);
        assertThat(accounts().byId(account.id())).contains(account);
    }

    @Test
    void findsNothingForAnUnknownUsernameOrId() {
        assertThat(accounts().byUsername(uniqueUsername())).isEmpty();
        assertThat(accounts().byId(UserId.random())).isEmpty();
    }

    @Test
    void refusesATakenUsernameWhateverItsCase() {
        UserAccount first = account("$fake$r=1$salt$hash");
        accounts().add(first);
        UserAccount sameName = new UserAccount(UserId.random(), new Username(first.username().value().toUpperCase()),
                new EmailAddress("other-" + first.email().value()), "h", Plan.DEFAULT, null, false, first.createdAt());
        assertThat(accounts().add(sameName)).isEqualTo(new AddResult.UsernameTaken());
        assertThat(accounts().byId(sameName.id())).isEmpty();
    }

    @Test
    void refusesATakenEmailAndStoresNothingOfTheRefusedAccount() {
        UserAccount first = account("$fake$r=1$salt$hash");
        accounts().add(first);
        UserAccount sameEmail = new UserAccount(UserId.random(), uniqueUsername(), first.email(), "h", Plan.DEFAULT, null,
                false, first.createdAt());
        assertThat(accounts().add(sameEmail)).isEqualTo(new AddResult.EmailTaken());
        assertThat(accounts().byUsername(sameEmail.username())).isEmpty();
    }

    @Test
    void admitsExactlyOneOfManyConcurrentRegistrationsOfOneUsername() throws Exception {
        Username contested = uniqueUsername();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AddResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = "racer" + i + "-" + contested.value() + "@example.org";
                attempts.add(() -> accounts().add(new UserAccount(UserId.random(), contested, new EmailAddress(email), "h",
                        Plan.DEFAULT, null, false, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))));
            }
            List<AddResult> results = new ArrayList<>();
            for (Future<AddResult> result : pool.invokeAll(attempts)) {
                results.add(result.get());
            }
            assertThat(results).filteredOn(r -> r instanceof AddResult.Added).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof AddResult.UsernameTaken).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replacesThePasswordHash() {
        UserAccount account = account("$fake$r=1$old$hash");
        accounts().add(account);
        accounts().updatePasswordHash(account.id(), "$fake$r=2$new$hash");
        assertThat(accounts().byId(account.id())).hasValueSatisfying(a -> assertThat(a.passwordHash()).isEqualTo("$fake$r=2$new$hash"));
    }

    @Test
    void changesThePlanAndTheDisabledFlagAndSaysWhenThereIsNoSuchUser() {
        UserAccount account = account("$fake$r=1$salt$hash");
        accounts().add(account);
        assertThat(accounts().setPlan(account.username(), new Plan("pro"))).isTrue();
        assertThat(accounts().setDisabled(account.username(), true)).isTrue();
        UserAccount changed = accounts().byUsername(account.username()).orElseThrow();
        assertThat(changed.plan()).isEqualTo(new Plan("pro"));
        assertThat(changed.disabled()).isTrue();
        assertThat(accounts().setPlan(uniqueUsername(), new Plan("pro"))).isFalse();
        assertThat(accounts().setDisabled(uniqueUsername(), true)).isFalse();
    }
}
