package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MappersTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:34:56.789123Z");

    private static UserAccount account(Set<String> roles) {
        return new UserAccount(UserId.random(), new Username("alice"), new EmailAddress("alice@example.org"),
                "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", new Plan("pro"), roles, true, CREATED);
    }

    @Test
    void anAccountSurvivesTheRoundTripThroughItsRowWithEveryField() {
        UserAccount account = account(Set.of("user", "admin"));
        UserJpaEntity row = UserAccountMapper.toEntity(account);
        assertThat(row.roles).isEqualTo("admin user");
        assertThat(row.createdAt.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(row.lastLoginAt).isNull();
        assertThat(UserAccountMapper.toAccount(row)).isEqualTo(account);
    }

    @Test
    void anAccountWithoutRolesStoresAnEmptyColumnAndReadsBackNoRoles() {
        UserJpaEntity row = UserAccountMapper.toEntity(account(Set.of()));
        assertThat(row.roles).isEmpty();
        assertThat(UserAccountMapper.toAccount(row).roles()).isEmpty();
    }

    @Test
    void refusesARoleThatWouldNotSurviveTheSpaceSeparatedColumn() {
        assertThatThrownBy(() -> UserAccountMapper.toEntity(account(Set.of("two words")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAccountMapper.toEntity(account(Set.of("")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAccountMapper.toEntity(account(Set.of("tab\there")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowThatBreaksAValueObjectIsRefusedOnTheWayIn() {
        UserJpaEntity row = UserAccountMapper.toEntity(account(Set.of()));
        row.username = "NOT VALID!";
        assertThatThrownBy(() -> UserAccountMapper.toAccount(row)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefreshTokenSplitsIntoItsRowAndItsFamilysRowAndJoinsBack() {
        RefreshToken token = new RefreshToken("ab".repeat(32), UUID.randomUUID(), UserId.random(), Set.of("profile", "items"),
                CREATED, CREATED.plusSeconds(86_400));
        RefreshTokenJpaEntity row = RefreshTokenMapper.toTokenEntity(token);
        RefreshTokenFamilyJpaEntity family = RefreshTokenMapper.toFamilyEntity(token);
        assertThat(row.scopes).isEqualTo("items profile");
        assertThat(row.usedAt).isNull();
        assertThat(family.revokedAt).isNull();
        assertThat(family.userId).isEqualTo(token.userId().value());
        assertThat(RefreshTokenMapper.toToken(row, family)).isEqualTo(token);
    }

    @Test
    void aFamilyIsLiveUntilItsExpiryOrRevocation() {
        RefreshTokenFamilyJpaEntity family = RefreshTokenMapper.toFamilyEntity(new RefreshToken("cd".repeat(32), UUID.randomUUID(),
                UserId.random(), Set.of(), CREATED, CREATED.plusSeconds(60)));
        assertThat(family.liveAt(CREATED.plusSeconds(59))).isTrue();
        assertThat(family.liveAt(CREATED.plusSeconds(60))).isFalse();
        family.revokedAt = ColumnValues.timestamp(CREATED);
        assertThat(family.liveAt(CREATED)).isFalse();
    }

    @Test
    void aSigningKeySurvivesTheRoundTripRetiredOrNot() {
        SigningKey active = new SigningKey("k-1", "RS256", "cHJpdmF0ZQ==", "cHVibGlj", CREATED, null);
        SigningKey retired = new SigningKey("k-2", "ES256", "cHJpdmF0ZQ==", "cHVibGlj", CREATED, CREATED.plusSeconds(900));
        PrivateKeySealing unsealed = new PrivateKeySealing(null);
        assertThat(SigningKeyMapper.toKey(SigningKeyMapper.toEntity(active, unsealed), unsealed)).isEqualTo(active);
        assertThat(SigningKeyMapper.toKey(SigningKeyMapper.toEntity(retired, unsealed), unsealed)).isEqualTo(retired);
    }

    @Test
    void aSealedSigningKeyIsSealedInItsRowAndOpenedOnTheWayOut() {
        PrivateKeySealing sealing = new PrivateKeySealing(SigningKeySecret.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        SigningKey key = new SigningKey("k-3", "RS256", "cHJpdmF0ZQ==", "cHVibGlj", CREATED, null);
        SigningKeyJpaEntity row = SigningKeyMapper.toEntity(key, sealing);
        assertThat(row.privateKeyPkcs8).startsWith(PrivateKeySealing.SEALED_PREFIX);
        assertThat(SigningKeyMapper.toKey(row, sealing)).isEqualTo(key);
    }
}
