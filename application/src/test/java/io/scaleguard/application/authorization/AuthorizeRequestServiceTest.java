package io.scaleguard.application.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.AuthorizeRequestCommand;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase.AuthorizationResult;
import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.quota.ChargeQuotaService;
import io.scaleguard.application.ratelimit.InProcessRateLimiter;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.FakeTokenCodec;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.ratelimit.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizeRequestServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTokenCodec codec = new FakeTokenCodec(clock);
    private final RecordingRateLimitEvents events = new RecordingRateLimitEvents();
    private final RatePolicies policies = withPro(RatePolicies.standard(10, "1"));
    private final AuthorizeRequestService service = new AuthorizeRequestService(codec,
            new ChargeQuotaService(new InProcessRateLimiter(clock), events), policies);

    private static RatePolicies withPro(RatePolicies standard) {
        List<RatePolicy> all = new ArrayList<>(standard.all());
        all.add(new RatePolicy("pro", List.of(new Limit("burst", 50, 20, Duration.ofSeconds(1))), false));
        all.add(new RatePolicy("trial", List.of(new Limit("burst", 1, 1, Duration.ofHours(1))), true));
        return new RatePolicies(all);
    }

    private String tokenFor(Plan plan) {
        Instant now = clock.instant();
        return codec.encode(new AccessTokenClaims(UserId.random(), Accounts.uniqueUsername(), plan, Set.of("user"), Set.of("profile"),
                "jti", now, now.plusSeconds(900)));
    }

    @Test
    void tellsAMissingTokenFromARejectedOne() {
        assertThat(service.authorize(new AuthorizeRequestCommand(null, 1))).isEqualTo(new AuthorizationResult.Unauthenticated(false, "no bearer token"));
        assertThat(service.authorize(new AuthorizeRequestCommand("forged", 1)))
                .isEqualTo(new AuthorizationResult.Unauthenticated(true, "unknown token"));
    }

    @Test
    void chargesEachRequestToTheUsersBucketUnderThePolicyOfTheirPlan() {
        String token = tokenFor(Plan.DEFAULT);
        for (int i = 0; i < 10; i++) {
            AuthorizationResult.Authorized authorized = (AuthorizationResult.Authorized) service.authorize(new AuthorizeRequestCommand(token, 1));
            assertThat(authorized.quota().decision().remaining()).isEqualTo(9 - i);
            assertThat(authorized.quota().policy().name()).isEqualTo("default");
        }
        assertThat(service.authorize(new AuthorizeRequestCommand(token, 1))).isInstanceOf(AuthorizationResult.Throttled.class);
        AuthorizationResult.Authorized pro = (AuthorizationResult.Authorized) service.authorize(new AuthorizeRequestCommand(tokenFor(new Plan("pro")), 1));
        assertThat(pro.quota().decision().remaining()).isEqualTo(49);
    }

    @Test
    void aShadowPolicyCountsRefusalsButNeverEnforcesThem() {
        String token = tokenFor(new Plan("trial"));
        service.authorize(new AuthorizeRequestCommand(token, 1));
        assertThat(service.authorize(new AuthorizeRequestCommand(token, 1))).isInstanceOf(AuthorizationResult.Authorized.class);
        assertThat(events.decisions).containsExactly("trial:ALLOWED", "trial:SHADOW_REFUSED");
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = tokenFor(Plan.DEFAULT);
        clock.advance(Duration.ofSeconds(900));
        assertThat(service.authorize(new AuthorizeRequestCommand(token, 1))).isInstanceOf(AuthorizationResult.Unauthenticated.class);
    }
}
