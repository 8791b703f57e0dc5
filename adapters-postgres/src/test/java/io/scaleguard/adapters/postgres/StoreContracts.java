package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.AuthenticatorContract;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.RefreshTokensContract;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.SigningKeysContract;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.port.out.UserAccountsContract;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The port contracts, and what this adapter adds to them, over one module on the database a subclass names. One
 * instance per class, so that {@link #settings()} can be an instance method and every nested contract shares the module.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class StoreContracts {

    private PersistenceModule module;

    /** The database to run on; asked once, before the first test. */
    protected abstract DatabaseSettings settings();

    @BeforeAll
    void openAndMigrate() {
        module = PersistenceModule.open(settings());
        module.migrate();
    }

    @AfterAll
    void closeModule() {
        if (module != null) {
            module.close();
        }
    }

    @Nested
    class Accounts extends UserAccountsContract {
        @Override
        protected UserAccounts accounts() {
            return module.userAccounts();
        }
    }

    @Nested
    class Tokens extends RefreshTokensContract {
        @Override
        protected RefreshTokens tokens() {
            return module.refreshTokens();
        }

        @Override
        protected UserId aUser() {
            return ModuleAccounts.aStoredUser(module);
        }

        /** The fake overwrites; a database refuses the second row, and a duplicate is the caller's mistake, not an outage. */
        @Test
        void refusesToSaveTheSameTokenTwiceAndKeepsTheFirst() {
            RefreshToken first = saved(aUser(), UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
            RefreshToken again = new RefreshToken(first.tokenHash(), first.familyId(), first.userId(), Set.of(), NOW,
                    first.familyExpiresAt());
            assertThatThrownBy(() -> tokens().save(again)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(tokens().byHash(first.tokenHash())).contains(first);
        }

        /** Long ended, before any other test's family: no other family's expiry or revocation is as old. */
        @Test
        void countsThePurgedFamiliesNotTheirTokensAndDeletesEveryTokenOfThem() {
            UserId user = aUser();
            UUID family = UUID.randomUUID();
            Instant longAgo = NOW.minus(Duration.ofDays(30));
            RefreshToken first = new RefreshToken(randomHash(), family, user, Set.of(), longAgo, longAgo.plusSeconds(3600));
            RefreshToken rotated = new RefreshToken(randomHash(), family, user, Set.of(), longAgo.plusSeconds(60), first.familyExpiresAt());
            tokens().save(first);
            tokens().save(rotated);
            Instant cutoff = longAgo.plus(Duration.ofHours(2));
            assertThat(tokens().purgeEndedBefore(cutoff)).isOne();
            assertThat(tokens().byHash(first.tokenHash())).isEmpty();
            assertThat(tokens().byHash(rotated.tokenHash())).isEmpty();
            assertThat(tokens().purgeEndedBefore(cutoff)).isZero();
        }

        /** Older still than the test above's family, so that neither purge counts the other's. */
        @Test
        void purgesABacklogLargerThanOneBatchInFull() {
            UserId user = aUser();
            Instant longerAgo = NOW.minus(Duration.ofDays(60));
            int backlog = JpaRefreshTokens.PURGE_BATCH * 2 + 1;
            List<RefreshToken> ended = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                RefreshToken token = new RefreshToken(randomHash(), UUID.randomUUID(), user, Set.of(), longerAgo,
                        longerAgo.plusSeconds(3600));
                tokens().save(token);
                ended.add(token);
            }
            assertThat(tokens().purgeEndedBefore(longerAgo.plus(Duration.ofHours(2)))).isEqualTo(backlog);
            assertThat(ended).allSatisfy(token -> assertThat(tokens().byHash(token.tokenHash())).isEmpty());
        }
    }

    @Nested
    class Keys extends SigningKeysContract {
        @Override
        protected SigningKeys keys() {
            return module.signingKeys();
        }
    }

    @Nested
    class Authentication extends AuthenticatorContract {
        @Override
        protected Authenticator authenticator() {
            return module.authenticator();
        }

        @Override
        protected UserAccount givenAccount(Username username, Password password, boolean disabled) {
            return ModuleAccounts.withPassword(module, username, password, disabled);
        }
    }
}
