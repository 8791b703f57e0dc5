package io.scaleguard.adapters.rest.bearer;

import static io.scaleguard.adapters.rest.testing.Answers.assertNoInternals;
import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.testing.TokenAttacks;
import io.scaleguard.adapters.rest.testing.TokenForge;
import io.scaleguard.adapters.rest.token.Jose4jTokenCodec;
import io.scaleguard.adapters.rest.token.RsaSigningKeyFactory;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase.AuthorizationResult;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.application.testing.InMemorySigningKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bearer filter end to end: real HTTP, the real codec behind a small authorizing fake, every attack of
 * SECURITY.md answered 401 invalid_token, and the RateLimit headers on every answer of a charged request.
 */
class BearerFilterIT extends ServedApplication {

    private static final String INVALID_TOKEN = "Bearer realm=\"scaleguard\", error=\"invalid_token\"";
    private static final String CHALLENGE = "Bearer realm=\"scaleguard\"";

    private final Instant now = Instant.now();
    private final SigningKey key = new RsaSigningKeyFactory().newKey(now.minusSeconds(60));
    private final TokenForge forge = new TokenForge(key, now);
    private final TokenCodec codec = codec(key);

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(PrincipalEchoResource.class);
    }

    @BeforeEach
    void authorizeWithTheRealCodec() {
        fakes.authorize = command -> codec.decode(command.bearerToken()) instanceof TokenCodec.Verification.Valid valid
                ? new AuthorizationResult.Authorized(valid.claims().principal(), FakeUseCases.allowed(9))
                : new AuthorizationResult.Unauthenticated(true, "refused by the codec");
    }

    List<Named<String>> attacks() {
        return TokenAttacks.against(forge, now);
    }

    @Test
    void aGenuineTokenIsAdmittedWithThePrincipalAndTheRateLimitHeaders() {
        HttpResponse<String> response = http.get("/test/principal", "Authorization", "Bearer " + forge.genuine());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FakeUseCases.ALICE.id() + " alice");
        assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"default\";q=10;w=10");
        assertThat(response.headers().firstValue("RateLimit")).hasValue("\"default\";r=9;t=1");
        assertThat(fakes.authorizations).singleElement().satisfies(command -> assertThat(command.cost()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusesWithInvalidToken(String token) {
        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + token);

        assertProblem(response, 401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(INVALID_TOKEN);
        assertThat(fakes.profileQueries).isEmpty();
    }

    @Test
    void noAuthorizationHeaderIsAChallengeWithoutErrorCode() {
        HttpResponse<String> response = http.get("/users/me");

        assertProblem(response, 401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);
        assertThat(fakes.authorizations).isEmpty();
    }

    @Test
    void anotherAuthenticationSchemeIsAChallengeWithoutErrorCode() {
        HttpResponse<String> response = http.get("/users/me", "Authorization", "Basic YWxpY2U6c2VjcmV0");

        assertProblem(response, 401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "garbage", "Bearer a b", "Bearer a, Bearer b", "Bearer abc\"def",
        "Bearer tok;en", "Bearer =abc"})
    void malformedBearerCredentialsAreInvalidTokenWithoutAskingTheUseCase(String authorization) {
        String answer = http.raw("GET", "/users/me", "Authorization: " + authorization + "\r\n", new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: " + INVALID_TOKEN);
        assertNoInternals(answer);
        assertThat(fakes.authorizations).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAreInvalidTokenEvenWhenBothAreGenuine() {
        String token = forge.genuine();
        String answer = http.raw("GET", "/users/me", "Authorization: Bearer " + token + "\r\nAuthorization: Bearer " + token + "\r\n",
                new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: " + INVALID_TOKEN);
        assertThat(fakes.authorizations).isEmpty();
    }

    @Test
    void aHeaderOverTheLimitIsRefusedBeforeParsing() {
        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + "a".repeat(BearerCredentials.MAX_TOKEN_LENGTH + 1));

        assertProblem(response, 401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(INVALID_TOKEN);
        assertThat(fakes.authorizations).isEmpty();
    }

    @Test
    void throttledIs429ProblemWithRetryAfterAndTheRateLimitHeaders() {
        fakes.authorize = command -> new AuthorizationResult.Throttled(FakeUseCases.ALICE, FakeUseCases.refused(Duration.ofMillis(300)));

        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);

        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"default\";q=10;w=10");
        assertThat(response.headers().firstValue("RateLimit")).hasValue("\"default\";r=0;t=10");
        assertThat(fakes.profileQueries).isEmpty();
    }

    @Test
    void aRefusalOfTheUseCaseWithoutATokenIsAChallenge() {
        fakes.authorize = command -> new AuthorizationResult.Unauthenticated(false, "no token");

        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);

        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/.well-known/jwks.json").statusCode()).isEqualTo(200);
        assertThat(fakes.authorizations).isEmpty();
    }

    private static TokenCodec codec(SigningKey key) {
        InMemorySigningKeys keys = new InMemorySigningKeys();
        keys.add(key);
        return new Jose4jTokenCodec(keys, Clock.systemUTC(), TokenForge.ISSUER, TokenForge.AUDIENCE);
    }
}
