package io.scaleguard.bootstrap.compose;

import io.scaleguard.adapters.postgres.PersistenceModule;
import io.scaleguard.adapters.rest.token.Jose4jTokenCodec;
import io.scaleguard.adapters.rest.token.RsaSigningKeyFactory;
import io.scaleguard.application.account.ChangePasswordService;
import io.scaleguard.application.account.GetProfileService;
import io.scaleguard.application.account.RegisterUserService;
import io.scaleguard.application.authorization.AuthorizeRequestService;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.in.ChargeQuotaUseCase;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.IssueTokenUseCase;
import io.scaleguard.application.port.in.PublishKeysUseCase;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase;
import io.scaleguard.application.port.in.RegisterUserUseCase;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.application.quota.LoginThrottle;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.token.IssueTokenService;
import io.scaleguard.application.token.PurgeEndedCredentialsService;
import io.scaleguard.application.token.RevokeTokenService;
import io.scaleguard.application.token.SigningKeyService;
import io.scaleguard.application.token.TokenSettings;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Every use case a serving replica runs, built with {@code new} over the ports the adapters provide: the whole wiring
 * in one place. The administrative ones (rotation, plans, disabling) are the command line's, in {@link AdminSession}.
 */
record UseCases(RegisterUserUseCase registerUser, IssueTokenUseCase issueToken, RevokeTokenUseCase revokeToken,
                AuthorizeRequestUseCase authorizeRequest, GetProfileUseCase getProfile, ChangePasswordUseCase changePassword,
                PublishKeysUseCase publishKeys, PurgeEndedCredentialsUseCase purgeEndedCredentials) {

    /** The {@code aud} of every access token: the API these tokens are for (RFC 9068). */
    static final String AUDIENCE = "scaleguard-api";
    /** A login's refresh tokens end after this, however often they rotate. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);
    static final Set<String> SCOPES = Set.of("profile", "items");
    /**
     * How long a rotated-out key keeps verifying beyond the access-token lifetime: replicas notice a new key within their
     * key cache's refresh, and may sign with the old one until then.
     */
    static final Duration KEY_OVERLAP = Duration.ofMinutes(2);
    /** How stale /users/me may be on a replica: a plan change shows within this, a polling client costs no query. */
    static final Duration PROFILE_FRESH_FOR = Duration.ofSeconds(5);

    static UseCases wire(ScaleGuardConfig config, PersistenceModule store, ChargeQuotaUseCase quota, Clock clock) {
        RatePolicies policies = config.policies();
        SigningKeyService signingKeys = signingKeys(config, store, clock);
        signingKeys.ensureSigningKey();
        TokenCodec codec = new Jose4jTokenCodec(store.signingKeys(), clock, config.issuer().toString(), AUDIENCE);
        TokenSettings tokens = new TokenSettings(config.accessTokenTtl(), REFRESH_TOKEN_LIFETIME, SCOPES);
        LoginThrottle throttle = new LoginThrottle(quota, policies);
        return new UseCases(
                new RegisterUserService(store.userAccounts(), store.passwordHasher(), clock),
                new IssueTokenService(store.authenticator(), store.userAccounts(), store.refreshTokens(), codec, throttle, tokens, clock),
                new RevokeTokenService(store.refreshTokens()),
                new AuthorizeRequestService(codec, quota, policies),
                new GetProfileService(store.userAccounts(), clock, PROFILE_FRESH_FOR),
                new ChangePasswordService(store.userAccounts(), store.authenticator(), store.passwordHasher(), store.refreshTokens(), throttle),
                signingKeys,
                new PurgeEndedCredentialsService(store.refreshTokens(), store.signingKeys(), clock));
    }

    /** Key life alone, for the admin command that rotates keys without serving. */
    static SigningKeyService signingKeys(ScaleGuardConfig config, PersistenceModule store, Clock clock) {
        return new SigningKeyService(store.signingKeys(), new RsaSigningKeyFactory(), clock, config.accessTokenTtl().plus(KEY_OVERLAP));
    }
}
