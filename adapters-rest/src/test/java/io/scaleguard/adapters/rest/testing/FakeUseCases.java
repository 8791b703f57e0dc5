package io.scaleguard.adapters.rest.testing;

import io.scaleguard.adapters.rest.RestComponents;
import io.scaleguard.application.port.in.AuthorizeRequestCommand;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase.AuthorizationResult;
import io.scaleguard.application.port.in.ChangePasswordCommand;
import io.scaleguard.application.port.in.ChangePasswordUseCase.ChangeResult;
import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.IssueTokenCommand;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import io.scaleguard.application.port.in.PublishedKey;
import io.scaleguard.application.port.in.QuotaDecision;
import io.scaleguard.application.port.in.RegisterUserCommand;
import io.scaleguard.application.port.in.RegisterUserUseCase.RegistrationResult;
import io.scaleguard.application.port.in.RevokeTokenCommand;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Principal;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Small fakes of every use case the adapter drives: each records what it was called with and answers what the test
 * sets (a sensible success by default), so that tests see both the HTTP answer and whether the core was reached.
 */
public final class FakeUseCases {

    public static final String GOOD_TOKEN = "good.access.token";
    public static final URI ISSUER = URI.create("https://auth.example.test");
    public static final Limit BURST = Limit.perSecond("burst", 10, "1");
    public static final RatePolicy POLICY = new RatePolicy("default", List.of(BURST), false);
    public static final Principal ALICE = new Principal(new UserId(UUID.fromString("7f3c2a4e-1b2d-4c5e-8f90-a1b2c3d4e5f6")),
            new Username("alice"), Plan.DEFAULT, Set.of("user"));

    public final List<RegisterUserCommand> registrations = new CopyOnWriteArrayList<>();
    public final List<IssueTokenCommand> tokenRequests = new CopyOnWriteArrayList<>();
    public final List<RevokeTokenCommand> revocations = new CopyOnWriteArrayList<>();
    public final List<AuthorizeRequestCommand> authorizations = new CopyOnWriteArrayList<>();
    public final List<GetProfileQuery> profileQueries = new CopyOnWriteArrayList<>();
    public final List<ChangePasswordCommand> passwordChanges = new CopyOnWriteArrayList<>();

    public volatile Function<RegisterUserCommand, RegistrationResult> register;
    public volatile Function<IssueTokenCommand, TokenResult> issue;
    public volatile Function<AuthorizeRequestCommand, AuthorizationResult> authorize;
    public volatile Function<GetProfileQuery, Optional<UserProfile>> profile;
    public volatile Function<ChangePasswordCommand, ChangeResult> changePassword;
    public volatile List<PublishedKey> keys;

    public FakeUseCases() {
        reset();
    }

    /** Forgets every call and goes back to the default answers, so one served application can host many tests. */
    public void reset() {
        registrations.clear();
        tokenRequests.clear();
        revocations.clear();
        authorizations.clear();
        profileQueries.clear();
        passwordChanges.clear();
        register = command -> new RegistrationResult.Registered(
                new UserProfile(ALICE.id(), command.username(), command.email(), Plan.DEFAULT));
        issue = command -> new TokenResult.Issued("access-token", Duration.ofMinutes(15), "refresh-token", Set.of("profile"));
        authorize = command -> GOOD_TOKEN.equals(command.bearerToken())
                ? new AuthorizationResult.Authorized(ALICE, allowed(9))
                : new AuthorizationResult.Unauthenticated(true, "unknown token");
        profile = query -> Optional.of(new UserProfile(query.userId(), ALICE.username(), new EmailAddress("alice@example.com"), ALICE.plan()));
        changePassword = command -> new ChangeResult.Changed();
        keys = List.of();
    }

    /** An admitting decision of the default policy with this many tokens left. */
    public static QuotaDecision allowed(long remaining) {
        return new QuotaDecision(POLICY, new Decision(true, remaining, Duration.ZERO, Duration.ofSeconds(10 - remaining), BURST));
    }

    /** A refusal of the default policy that may be retried after this long. */
    public static QuotaDecision refused(Duration retryAfter) {
        return new QuotaDecision(POLICY, new Decision(false, 0, retryAfter, Duration.ofSeconds(10), BURST));
    }

    public RestComponents components() {
        return components(List.of("127.0.0.1/32", "::1/128"));
    }

    public RestComponents components(List<String> trustedProxies) {
        return components(trustedProxies, List.of());
    }

    public RestComponents components(List<String> trustedProxies, List<HealthCheck> readiness) {
        return new RestComponents(
                command -> record(registrations, command, register),
                command -> record(tokenRequests, command, issue),
                revocations::add,
                command -> record(authorizations, command, authorize),
                query -> record(profileQueries, query, profile),
                command -> record(passwordChanges, command, changePassword),
                () -> keys,
                readiness, trustedProxies, ISSUER, Set.of("profile", "items"));
    }

    /** Whether any use case was reached: refused input must not reach one. */
    public boolean untouched() {
        return registrations.isEmpty() && tokenRequests.isEmpty() && revocations.isEmpty() && passwordChanges.isEmpty();
    }

    private static <C, R> R record(List<C> calls, C command, Function<C, R> answer) {
        calls.add(command);
        return answer.apply(command);
    }
}
