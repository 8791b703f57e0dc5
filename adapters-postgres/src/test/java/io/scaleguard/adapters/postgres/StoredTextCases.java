package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts.AddResult;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Text that looks like SQL is data: it is stored and read back verbatim, and every table is still there afterwards. */
abstract class StoredTextCases {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract PersistenceModule module();

    @Test
    void storesSqlLookingAccountFieldsVerbatim() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UserAccount account = new UserAccount(UserId.random(), Accounts.uniqueUsername(),
                new EmailAddress("x'or'1'='1--" + unique + "@example.org"), "$h$'); DROP TABLE user_accounts; --",
                Plan.DEFAULT, Set.of("admin');DELETE_FROM_user_accounts;--", "user\"--"), false, NOW);
        assertThat(module().userAccounts().add(account)).isEqualTo(new AddResult.Added(account));
        assertThat(module().userAccounts().byUsername(account.username())).contains(account);
        assertThat(module().userAccounts().byId(account.id())).contains(account);
    }

    @Test
    void storesSqlLookingScopesAndKeyIdsVerbatim() {
        UserId user = ModuleAccounts.aStoredUser(module());
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        RefreshToken token = new RefreshToken(HexFormat.of().formatHex(hash), UUID.randomUUID(), user,
                Set.of("items');DELETE_FROM_refresh_tokens;--", "profile'"), NOW, NOW.plusSeconds(3600));
        module().refreshTokens().save(token);
        assertThat(module().refreshTokens().byHash(token.tokenHash())).contains(token);
        assertThat(module().refreshTokens().use(token.tokenHash(), NOW)).isEqualTo(new Use.Fresh(token));

        SigningKey key = new SigningKey("../../etc/passwd' OR '1'='1 " + UUID.randomUUID(), "RS256'--",
                "'; DROP TABLE signing_keys; --", "\\x00'||'", NOW, null);
        module().signingKeys().add(key);
        assertThat(module().signingKeys().activeAt(NOW)).contains(key);
        assertThat(module().signingKeys().retire(key.keyId(), NOW.plusSeconds(60))).isTrue();
        assertThat(module().signingKeys().retire("' OR '1'='1", NOW)).isFalse();
        assertThat(module().signingKeys().activeAt(NOW.plusSeconds(60))).doesNotContain(key);
    }
}
