package io.scaleguard.adapters.redis;

import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token-bucket Lua script ({@code token-bucket.lua}) and how to call it: its SHA-1, its arguments, its reply.
 *
 * <p>The SHA is computed here from the resource's exact bytes, the same bytes that are loaded into Redis, so it never
 * depends on a successful load: after a Redis restart the first call gets {@code NOSCRIPT} and the caller reloads.
 */
final class DecisionScript {

    private static final String RESOURCE = "token-bucket.lua";
    private static final int MAX_CACHED_LIMITS = 1_024;
    private static final Map<Limit, String[]> LIMIT_ARGUMENTS = new ConcurrentHashMap<>();

    /** Integers per decision in the script's reply. */
    static final int REPLY_SIZE = 6;

    private final String source;
    private final String sha;
    private final String keyPrefix;

    DecisionScript(String keyPrefix) {
        this.keyPrefix = keyPrefix;
        byte[] bytes = readResource();
        this.source = new String(bytes, StandardCharsets.UTF_8);
        this.sha = sha1Hex(bytes);
    }

    String source() {
        return source;
    }

    String sha() {
        return sha;
    }

    /** The subject's key: one hash tag per subject, so all its limits live in one key and one cluster slot. */
    String key(RateLimitRequest request) {
        return keyPrefix + "{" + request.key().value() + "}";
    }

    /** The arguments of one decision within a script call: cost, number of limits, then each limit in exact units. */
    static Object[] arguments(RateLimitRequest request) {
        List<Limit> limits = request.limits();
        Object[] args = new Object[2 + 3 * limits.size()];
        args[0] = Long.toString(request.cost());
        args[1] = Integer.toString(limits.size());
        for (int i = 0; i < limits.size(); i++) {
            System.arraycopy(limitArguments(limits.get(i)), 0, args, 2 + 3 * i, 3);
        }
        return args;
    }

    /**
     * A limit's three arguments, rendered once: a service has a handful of limits, and working out their exact units
     * (a greatest common divisor) on every decision showed in profiles. Past {@value #MAX_CACHED_LIMITS} distinct
     * limits they are rendered each time, so the cache cannot grow without bound.
     */
    private static String[] limitArguments(Limit limit) {
        String[] cached = LIMIT_ARGUMENTS.get(limit);
        if (cached != null) {
            return cached;
        }
        String[] rendered = {Long.toString(limit.capacityUnits()), Long.toString(limit.unitsPerToken()),
                Long.toString(limit.refillUnitsPerMicro())};
        if (LIMIT_ARGUMENTS.size() < MAX_CACHED_LIMITS) {
            LIMIT_ARGUMENTS.put(limit, rendered);
        }
        return rendered;
    }

    /** The script's first argument: empty for Redis TIME, or the time to decide at (tests only). */
    static String clockArgument(Long testMicros) {
        return testMicros == null ? "" : Long.toString(testMicros);
    }

    /** Turns one decision's part of the reply, {@code {allowed, deciding index, remaining, retry-after us, reset-after us, time}}, into a decision. */
    static Decision decision(RateLimitRequest request, List<?> reply) {
        if (reply == null || reply.size() != REPLY_SIZE) {
            throw new IllegalStateException("the token-bucket script answered " + reply + " instead of six integers");
        }
        return new Decision(number(reply, 0) == 1, number(reply, 2),
                Duration.ofNanos(Math.multiplyExact(number(reply, 3), 1_000L)),
                Duration.ofNanos(Math.multiplyExact(number(reply, 4), 1_000L)),
                request.limits().get(Math.toIntExact(number(reply, 1))));
    }

    /**
     * The Redis time in microseconds the reply was decided at: what lets a test measure an interval exactly as Redis
     * saw it, for example from the first to the last decision of several processes.
     */
    static long decidedAtMicros(List<?> reply) {
        return number(reply, REPLY_SIZE - 1);
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static byte[] readResource() {
        try (InputStream in = DecisionScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + DecisionScript.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
