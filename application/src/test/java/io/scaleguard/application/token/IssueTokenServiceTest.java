package io.scaleguard.application.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.IssueTokenCommand.PasswordGrant;
import io.scaleguard.application.port.in.IssueTokenCommand.RefreshGrant;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.quota.ChargeQuotaService;
import io.scaleguard.application.quota.LoginThrottle;
import io.scaleguard.application.ratelimit.InProcessRateLimiter;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.FakePasswordHasher;
import io.scaleguard.application.testing.FakeTokenCodec;
import io.scaleguard.application.testing.InMemoryAuthenticator;
import io.scaleguard.application.testing.InMemoryRefreshTokens;
import io.scaleguard.application.testing.InMemoryUserAccounts;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import io.scaleguard.domain.auth.Password;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueTokenServiceTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String CLIENT = "203.0.113.9";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final FakeTokenCodec codec = new FakeTokenCodec(clock);
    private final TokenSettings settings = new TokenSettings(Duration.ofMinutes(15), Duration.ofDays(14), Set.of("profile", "items"));
    private final LoginThrottle throttle = new LoginThrottle(new ChargeQuotaService(new InProcessRateLimiter(clock),
            new RecordingRateLimitEvents()), RatePolicies.standard(10, "1"));
    private final IssueTokenService service = new IssueTokenService(new InMemoryAuthenticator(accounts, hasher), accounts,
            refreshTokens, codec, throttle, settings, clock);

    private UserAccount anAccount() {
        UserAccount account = Accounts.account(hasher.hash(new Password(PASSWORD)));
        accounts.add(account);
        return account;
    }

    private TokenResult login(UserAccount account, String password) {
        return service.issue(new PasswordGrant(account.username().value(), password, Set.of(), CLIENT));
    }

    private TokenResult refresh(String token, Set<String> scopes) {
        return service.issue(new RefreshGrant(token, scopes, CLIENT));
    }

    @Test
    void issuesAnAccessTokenForTheAccountAndARefreshTokenStoredOnlyAsItsHash() {
        UserAccount alice = anAccount();
        TokenResult.Issued issued = (TokenResult.Issued) login(alice, PASSWORD);
        TokenCodec.Verification.Valid valid = (TokenCodec.Verification.Valid) codec.decode(issued.accessToken());
        assertThat(valid.claims().subject()).isEqualTo(alice.id());
        assertThat(valid.claims().plan()).isEqualTo(alice.plan());
        assertThat(valid.claims().roles()).isEqualTo(alice.roles());
        assertThat(valid.claims().scopes()).containsExactlyInAnyOrder("profile", "items");
        assertThat(valid.claims().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        assertThat(issued.refreshToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(refreshTokens.byHash(issued.refreshToken())).isEmpty();
        assertThat(refreshTokens.byHash(OpaqueTokens.hash(issued.refreshToken()))).isPresent();
    }

    @Test
    void answersEveryWrongCredentialAlike() {
        UserAccount alice = anAccount();
        UserAccount disabled = anAccount();
        accounts.setDisabled(disabled.username(), true);
        assertThat(login(alice, "wrong password")).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(login(disabled, PASSWORD)).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(service.issue(new PasswordGrant("nobody-here", PASSWORD, Set.of(), CLIENT))).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(service.issue(new PasswordGrant("' OR 1=1 --", PASSWORD, Set.of(), CLIENT))).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(service.issue(new PasswordGrant(null, null, Set.of(), null))).isEqualTo(new TokenResult.InvalidGrant());
    }

    @Test
    void hashesAgainstADummyWhenTheUserDoesNotExistSoTimingTellsNothing() {
        int before = hasher.verifications();
        service.issue(new PasswordGrant("nobody-here", PASSWORD, Set.of(), CLIENT));
        assertThat(hasher.verifications()).isEqualTo(before + 1);
    }

    @Test
    void refusesTheRightPasswordAfterTenAttemptsOnOneAccountUntilTheWaitIsOver() {
        UserAccount alice = anAccount();
        for (int i = 0; i < 10; i++) {
            assertThat(login(alice, "wrong password " + i)).isEqualTo(new TokenResult.InvalidGrant());
        }
        TokenResult throttled = login(alice, PASSWORD);
        assertThat(throttled).isInstanceOf(TokenResult.Throttled.class);
        clock.advance(((TokenResult.Throttled) throttled).retryAfter());
        assertThat(login(alice, PASSWORD)).isInstanceOf(TokenResult.Issued.class);
    }

    @Test
    void throttlesOneClientAddressSprayingManyAccounts() {
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            TokenResult result = service.issue(new PasswordGrant("user-" + i, PASSWORD, Set.of(), "198.51.100.7"));
            refused += result instanceof TokenResult.Throttled ? 1 : 0;
        }
        assertThat(refused).as("thirty attempts per address, then one a second").isEqualTo(10);
        assertThat(login(anAccount(), PASSWORD)).as("another address is not affected").isInstanceOf(TokenResult.Issued.class);
    }

    @Test
    void answersBusyWhenEveryHashingSlotIsTaken() {
        UserAccount alice = anAccount();
        hasher.saturate(true);
        assertThat(login(alice, PASSWORD)).isEqualTo(new TokenResult.Busy(Duration.ofSeconds(1)));
    }

    @Test
    void grantsOnlyKnownScopes() {
        UserAccount alice = anAccount();
        assertThat(service.issue(new PasswordGrant(alice.username().value(), PASSWORD, Set.of("admin"), CLIENT)))
                .isEqualTo(new TokenResult.InvalidScope());
        TokenResult.Issued narrow = (TokenResult.Issued) service.issue(new PasswordGrant(alice.username().value(), PASSWORD,
                Set.of("profile"), CLIENT));
        assertThat(narrow.scopes()).containsExactly("profile");
    }

    @Test
    void rotatesTheRefreshTokenAndRevokesTheFamilyWhenASpentOneComesBack() {
        UserAccount alice = anAccount();
        String first = ((TokenResult.Issued) login(alice, PASSWORD)).refreshToken();
        TokenResult.Issued renewed = (TokenResult.Issued) refresh(first, Set.of());
        assertThat(renewed.refreshToken()).isNotEqualTo(first);

        assertThat(refresh(first, Set.of())).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(refresh(renewed.refreshToken(), Set.of())).as("the replay ended the whole family").isEqualTo(new TokenResult.InvalidGrant());
    }

    @Test
    void aFamilyEndsAtItsAbsoluteLifetimeHoweverOftenItRotates() {
        UserAccount alice = anAccount();
        String token = ((TokenResult.Issued) login(alice, PASSWORD)).refreshToken();
        for (int day = 0; day < 13; day++) {
            clock.advance(Duration.ofDays(1));
            token = ((TokenResult.Issued) refresh(token, Set.of())).refreshToken();
        }
        clock.advance(Duration.ofDays(1));
        assertThat(refresh(token, Set.of())).isEqualTo(new TokenResult.InvalidGrant());
    }

    @Test
    void refusesRefreshForADisabledAccountAndForMalformedTokens() {
        UserAccount alice = anAccount();
        String token = ((TokenResult.Issued) login(alice, PASSWORD)).refreshToken();
        accounts.setDisabled(alice.username(), true);
        assertThat(refresh(token, Set.of())).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(refresh("not-a-token", Set.of())).isEqualTo(new TokenResult.InvalidGrant());
        assertThat(refresh(null, Set.of())).isEqualTo(new TokenResult.InvalidGrant());
    }

    @Test
    void aRefreshMayNarrowButNeverWidenTheScopes() {
        UserAccount alice = anAccount();
        String token = ((TokenResult.Issued) service.issue(new PasswordGrant(alice.username().value(), PASSWORD, Set.of("profile"),
                CLIENT))).refreshToken();
        assertThat(refresh(token, Set.of("items"))).isEqualTo(new TokenResult.InvalidScope());
        assertThat(((TokenResult.Issued) refresh(token, Set.of("profile"))).scopes()).containsExactly("profile");
    }
}
