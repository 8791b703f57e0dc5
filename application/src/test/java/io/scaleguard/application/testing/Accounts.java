package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/** Accounts with unique names, so that tests on a shared store never collide, also when rerun. */
public final class Accounts {

    private Accounts() {
    }

    /** A unique username such as {@code u-3f2a...}, within the 32 characters a username may have. */
    public static Username uniqueUsername() {
        return new Username("u-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }

    public static UserAccount account(Username username, String passwordHash) {
        return new UserAccount(UserId.random(), username, new EmailAddress(username.value() + "@example.org"), passwordHash,
                Plan.DEFAULT, Set.of("user"), false, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static UserAccount account(String passwordHash) {
        return account(uniqueUsername(), passwordHash);
    }
}
