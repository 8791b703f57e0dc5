package io.scaleguard.adapters.rest.bearer;

import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.testing.TokenForge;
import io.scaleguard.adapters.rest.token.Jose4jTokenCodec;
import io.scaleguard.adapters.rest.token.RsaSigningKeyFactory;
import io.scaleguard.application.authorization.AuthorizeRequestService;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.ratelimit.RatePolicies;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real authorization service and codec behind the bearer filter, over a key store that has never answered (a
 * replica started while its database is down): a token that cannot be checked yet is not called a bad token.
 */
class KeyStoreOutageIT extends ServedApplication {

    private final Instant now = Instant.now();
    private final SigningKey key = new RsaSigningKeyFactory().newKey(now.minusSeconds(60));
    private final AuthorizeRequestService service = new AuthorizeRequestService(
            new Jose4jTokenCodec(new UnreachableSigningKeys(), Clock.systemUTC(), TokenForge.ISSUER, TokenForge.AUDIENCE),
            command -> FakeUseCases.allowed(9), RatePolicies.standard(10, "1"));

    @BeforeEach
    void authorizeWithTheRealServiceAndCodec() {
        fakes.authorize = service::authorize;
    }

    @Test
    void aGenuineTokenIsAnsweredUnavailableWithRetryAfterAndNoBearerChallenge() {
        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + new TokenForge(key, now).genuine());

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
        assertThat(fakes.profileQueries).isEmpty();
    }

    /** Every read fails as the database adapter reports an outage. */
    private static final class UnreachableSigningKeys implements SigningKeys {

        @Override
        public List<SigningKey> activeAt(Instant at) {
            throw new StoreUnavailable("database unreachable", null);
        }

        @Override
        public void add(SigningKey added) {
            throw new StoreUnavailable("database unreachable", null);
        }

        @Override
        public boolean retire(String keyId, Instant at) {
            throw new StoreUnavailable("database unreachable", null);
        }

        @Override
        public int purgeRetiredBefore(Instant cutoff) {
            throw new StoreUnavailable("database unreachable", null);
        }
    }
}
