package io.scaleguard.adapters.rest.token;

import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JtiValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.SubValidator;
import org.jose4j.jwt.consumer.TypeValidator;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * RFC 9068 access tokens, signed RS256 with the newest active key of the shared store and verified by one
 * thread-safe {@link JwtConsumer}: RS256 only, {@code typ} at+jwt, our issuer and audience, {@code sub}, {@code jti},
 * {@code exp} and {@code iat} required, times checked against the codec's clock with a 30 s skew, keys found by
 * {@code kid} among the stored ones only ({@code jku}, {@code x5u} and embedded {@code jwk} headers are never
 * used), unknown {@code crit} headers refused. Verified tokens are remembered until they expire or their key retires.
 * When no key could ever be read, decoding throws {@link StoreUnavailable}: the service is unavailable, the token is
 * not known to be bad.
 */
public final class Jose4jTokenCodec implements TokenCodec {

    static final String TYPE = "at+jwt";
    /** Checked before any parsing; our tokens are about a kilobyte. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;
    static final int CLOCK_SKEW_SECONDS = 30;
    /** The longest access-token lifetime the configuration allows, one day. */
    static final long MAX_LIFETIME_SECONDS = 86_400 + CLOCK_SKEW_SECONDS;
    static final int MAX_CACHED_TOKENS = 10_000;
    private static final int MAX_REASON_LENGTH = 200;
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final KeyRing keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final JwtConsumer consumer;
    private final VerifiedTokens verified = new VerifiedTokens(MAX_CACHED_TOKENS);

    public Jose4jTokenCodec(SigningKeys keys, Clock clock, String issuer, String audience) {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("the token codec needs an issuer and an audience");
        }
        this.keys = new KeyRing(keys, clock, verified::forgetSignedBy);
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT)
                .setVerificationKeyResolver((jws, nested) -> this.keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("no active key with this kid")).publicKey())
                // jose4j's default claim validators read the system clock; these are the same checks, on our clock.
                .setSkipAllDefaultValidators()
                .registerValidator(new TypeValidator(true, TYPE))
                .registerValidator(new IssValidator(issuer, true))
                .registerValidator(new AudValidator(Set.of(audience), true))
                .registerValidator(new SubValidator(true))
                .registerValidator(new JtiValidator(true))
                .registerValidator(new ClockedTimeValidator(clock, CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS))
                .build();
    }

    @Override
    public String encode(AccessTokenClaims claims) {
        KeyRing.UsableKey key = keys.signingKey();
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(issuer);
        jwt.setSubject(claims.subject().toString());
        jwt.setAudience(audience);
        jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
        jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
        jwt.setJwtId(claims.tokenId());
        jwt.setStringClaim("scope", String.join(" ", new TreeSet<>(claims.scopes())));
        jwt.setStringClaim("username", claims.username().value());
        jwt.setStringClaim("plan", claims.plan().name());
        jwt.setStringListClaim("roles", List.copyOf(new TreeSet<>(claims.roles())));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.stored().keyId());
        jws.setHeader("typ", TYPE);
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
    }

    @Override
    public Verification decode(String token) {
        if (token == null || token.isEmpty()) {
            return new Verification.Invalid("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Verification.Invalid("token over " + MAX_TOKEN_LENGTH + " characters");
        }
        Instant now = clock.instant();
        // A remembered token is answered from memory alone: no key lookup, so no wait behind a reload of the keys, and
        // no shape check either, since only verified tokens are remembered (the check's regex cost a request's CPU).
        Optional<VerifiedTokens.Entry> known = verified.get(token, now);
        if (known.isPresent()) {
            return new Verification.Valid(known.get().claims());
        }
        if (!COMPACT_JWS.matcher(token).matches()) {
            return new Verification.Invalid("not a compact JWS");
        }
        // jose4j turns whatever the key resolver throws into a refusal: the keys are read before it runs, so that a
        // store that never answered reaches the client as 503, not as 401 for a token nothing says is bad.
        keys.ensureLoaded();
        try {
            JwtContext context = consumer.process(token);
            AccessTokenClaims claims = claimsOf(context.getJwtClaims());
            remember(token, claims, ((JsonWebSignature) context.getJoseObjects().get(0)).getKeyIdHeaderValue(), now);
            return new Verification.Valid(claims);
        } catch (InvalidJwtException e) {
            return new Verification.Invalid("refused: " + e.getErrorDetails().stream()
                    .map(error -> loggable(error.getErrorMessage(), token)).collect(Collectors.joining("; ")));
        } catch (MalformedClaimException | IllegalArgumentException e) {
            return new Verification.Invalid("malformed claims: " + loggable(e.getMessage(), token));
        } catch (RuntimeException e) {
            // decode never throws for a token: whatever a token can make go wrong is a refusal, logged by the caller.
            return new Verification.Invalid("unverifiable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Remembers a verified token until its expiry or its key's retirement, whichever comes first. A retirement set
     * later is seen by the key ring's next reload, which makes the cache forget the key's tokens; one that lands while
     * this token was being verified is caught by the second look after the put.
     */
    private void remember(String token, AccessTokenClaims claims, String keyId, Instant now) {
        Optional<SigningKey> key = keys.known(keyId);
        if (key.isEmpty()) {
            return;
        }
        Instant validUntil = claims.expiresAt().plusSeconds(CLOCK_SKEW_SECONDS);
        Instant retiredAt = key.get().retiredAt();
        verified.put(token, new VerifiedTokens.Entry(claims, keyId,
                retiredAt != null && retiredAt.isBefore(validUntil) ? retiredAt : validUntil), now);
        if (!keys.known(keyId).equals(key)) {
            verified.forget(token);
        }
    }

    /** How many verified tokens are remembered; for tests of the cache. */
    int cachedTokens() {
        return verified.size();
    }

    /**
     * A reason fit for a log line. jose4j's messages may quote the token, a credential, and claims written by
     * whoever made the token: the token is cut out, control characters replaced, the length bounded.
     */
    private static String loggable(String message, String token) {
        String text = String.valueOf(message).replace(token, "[token]");
        int dump = text.indexOf("JsonWebSignature{");
        if (dump >= 0) {
            text = text.substring(0, dump);
        }
        text = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text;
    }

    private static AccessTokenClaims claimsOf(JwtClaims jwt) throws MalformedClaimException {
        String scope = jwt.getStringClaimValue("scope");
        Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.strip().split(" +")));
        List<String> roles = jwt.hasClaim("roles") ? jwt.getStringListClaimValue("roles") : List.of();
        return new AccessTokenClaims(UserId.parse(jwt.getSubject()), new Username(jwt.getStringClaimValue("username")),
                new Plan(jwt.getStringClaimValue("plan")), Set.copyOf(roles), scopes, jwt.getJwtId(),
                Instant.ofEpochSecond(jwt.getIssuedAt().getValue()), Instant.ofEpochSecond(jwt.getExpirationTime().getValue()));
    }
}
