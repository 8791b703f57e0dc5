package io.scaleguard.application.token;

import io.scaleguard.application.port.in.IssueTokenCommand;
import io.scaleguard.application.port.in.IssueTokenCommand.PasswordGrant;
import io.scaleguard.application.port.in.IssueTokenCommand.RefreshGrant;
import io.scaleguard.application.port.in.IssueTokenUseCase;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.quota.LoginThrottle;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Principal;
import io.scaleguard.domain.auth.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The token endpoint's use case. The password grant is throttled per client IP and per username before any password
 * is checked; every wrong credential gives the same {@link TokenResult.InvalidGrant}. The refresh grant rotates: the
 * presented token is spent, a new one of the same family is issued, and presenting a spent token again revokes the
 * whole family, since only a thief or a replay would do that.
 */
public final class IssueTokenService implements IssueTokenUseCase {

    private static final System.Logger LOG = System.getLogger(IssueTokenService.class.getName());

    private final Authenticator authenticator;
    private final UserAccounts accounts;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final AccessTokenIssuer accessTokens;
    private final TokenSettings settings;
    private final Clock clock;

    public IssueTokenService(Authenticator authenticator, UserAccounts accounts, RefreshTokens refreshTokens, TokenCodec codec,
                             LoginThrottle throttle, TokenSettings settings, Clock clock) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.accessTokens = new AccessTokenIssuer(codec, settings.accessTokenTtl(), clock);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public TokenResult issue(IssueTokenCommand command) {
        // Java 17 has no pattern switch; the sealed command has exactly these two grants.
        return command instanceof PasswordGrant grant ? passwordGrant(grant) : refreshGrant((RefreshGrant) command);
    }

    private TokenResult passwordGrant(PasswordGrant grant) {
        Optional<Duration> addressWait = throttle.chargeAddress(grant.clientIp());
        if (addressWait.isPresent()) {
            return new TokenResult.Throttled(addressWait.get());
        }
        Optional<Credentials> credentials = credentials(grant.username(), grant.password());
        if (credentials.isEmpty()) {
            // no account can have a malformed name or password, so answering at once tells nothing
            return new TokenResult.InvalidGrant();
        }
        Optional<Duration> accountWait = throttle.chargeUsername(credentials.get().username());
        if (accountWait.isPresent()) {
            return new TokenResult.Throttled(accountWait.get());
        }
        if (!settings.scopes().containsAll(grant.scopes())) {
            return new TokenResult.InvalidScope();
        }
        AuthenticationResult result;
        try {
            result = authenticator.authenticate(credentials.get());
        } catch (PasswordHashingBusy busy) {
            return new TokenResult.Busy(busy.retryAfter());
        }
        if (result instanceof AuthenticationResult.Authenticated authenticated) {
            Set<String> scopes = grant.scopes().isEmpty() ? settings.scopes() : grant.scopes();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return issued(authenticated.principal(), scopes, UUID.randomUUID(), now.plus(settings.refreshTokenLifetime()), scopes);
        }
        return new TokenResult.InvalidGrant();
    }

    private TokenResult refreshGrant(RefreshGrant grant) {
        if (!OpaqueTokens.wellFormed(grant.refreshToken())) {
            return new TokenResult.InvalidGrant();
        }
        String hash = OpaqueTokens.hash(grant.refreshToken());
        if (!grant.scopes().isEmpty() && refreshTokens.byHash(hash).filter(t -> !t.scopes().containsAll(grant.scopes())).isPresent()) {
            // checked before the token is spent, so asking for too much does not cost the client its session
            return new TokenResult.InvalidScope();
        }
        Use use = refreshTokens.use(hash, clock.instant());
        if (use instanceof Use.Fresh fresh) {
            return rotate(fresh.token(), grant.scopes());
        }
        if (use instanceof Use.Reused reused) {
            LOG.log(System.Logger.Level.WARNING, "a spent refresh token was presented again: family {0} of user {1} revoked",
                    reused.token().familyId(), reused.token().userId());
            refreshTokens.revokeFamily(reused.token().familyId());
        }
        return new TokenResult.InvalidGrant();
    }

    private TokenResult rotate(RefreshToken spent, Set<String> requested) {
        Optional<UserAccount> account = accounts.byId(spent.userId());
        if (account.isEmpty() || account.get().disabled()) {
            refreshTokens.revokeFamily(spent.familyId());
            return new TokenResult.InvalidGrant();
        }
        Set<String> scopes = requested.isEmpty() ? spent.scopes() : requested;
        return issued(account.get().principal(), scopes, spent.familyId(), spent.familyExpiresAt(), spent.scopes());
    }

    private TokenResult issued(Principal principal, Set<String> scopes, UUID family, Instant familyExpiresAt, Set<String> refreshScopes) {
        String refreshToken = OpaqueTokens.generate();
        refreshTokens.save(new RefreshToken(OpaqueTokens.hash(refreshToken), family, principal.id(), refreshScopes,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), familyExpiresAt));
        return new TokenResult.Issued(accessTokens.issue(principal, scopes), accessTokens.ttl(), refreshToken, scopes);
    }

    private static Optional<Credentials> credentials(String username, String password) {
        try {
            return Optional.of(new Credentials(new Username(username), new Password(password)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
