package io.scaleguard.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.ChangePasswordCommand;
import io.scaleguard.application.port.in.ChangePasswordUseCase.ChangeResult;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.quota.ChargeQuotaService;
import io.scaleguard.application.quota.LoginThrottle;
import io.scaleguard.application.ratelimit.InProcessRateLimiter;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.FakePasswordHasher;
import io.scaleguard.application.testing.InMemoryAuthenticator;
import io.scaleguard.application.testing.InMemoryRefreshTokens;
import io.scaleguard.application.testing.InMemoryUserAccounts;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private static final Password OLD = new Password("correct horse battery");
    private static final Password NEW = new Password("a brand new passphrase");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(accounts, hasher);
    private final ChangePasswordService service = new ChangePasswordService(accounts, authenticator, hasher, refreshTokens,
            new LoginThrottle(new ChargeQuotaService(new InProcessRateLimiter(clock), new RecordingRateLimitEvents()),
                    RatePolicies.standard(10, "1")));

    private UserAccount anAccount() {
        UserAccount account = Accounts.account(hasher.hash(OLD));
        accounts.add(account);
        return account;
    }

    @Test
    void replacesThePasswordAndRevokesEveryRefreshTokenOfTheUser() {
        UserAccount alice = anAccount();
        RefreshToken token = new RefreshToken(HexFormat.of().formatHex(new byte[32]), UUID.randomUUID(), alice.id(), Set.of(),
                clock.instant(), clock.instant().plus(Duration.ofDays(1)));
        refreshTokens.save(token);

        assertThat(service.change(new ChangePasswordCommand(alice.id(), OLD, NEW))).isEqualTo(new ChangeResult.Changed());
        assertThat(authenticator.authenticate(new Credentials(alice.username(), NEW))).isInstanceOf(AuthenticationResult.Authenticated.class);
        assertThat(authenticator.authenticate(new Credentials(alice.username(), OLD))).isInstanceOf(AuthenticationResult.Rejected.class);
        assertThat(refreshTokens.use(token.tokenHash(), clock.instant())).isEqualTo(new Use.Invalid());
    }

    @Test
    void rejectsAWrongCurrentPasswordAndChangesNothing() {
        UserAccount alice = anAccount();
        assertThat(service.change(new ChangePasswordCommand(alice.id(), new Password("not the password"), NEW)))
                .isEqualTo(new ChangeResult.Rejected());
        assertThat(authenticator.authenticate(new Credentials(alice.username(), OLD))).isInstanceOf(AuthenticationResult.Authenticated.class);
        assertThat(service.change(new ChangePasswordCommand(UserId.random(), OLD, NEW))).isEqualTo(new ChangeResult.Rejected());
    }

    @Test
    void isThrottledLikeALoginOnTheSameAccount() {
        UserAccount alice = anAccount();
        for (int i = 0; i < 10; i++) {
            service.change(new ChangePasswordCommand(alice.id(), new Password("guess number " + i), NEW));
        }
        assertThat(service.change(new ChangePasswordCommand(alice.id(), OLD, NEW))).isInstanceOf(ChangeResult.Throttled.class);
    }
}
