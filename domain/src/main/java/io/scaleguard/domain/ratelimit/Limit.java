package io.scaleguard.domain.ratelimit;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One token bucket: at most {@code capacity} tokens, refilled continuously with {@code refillTokens}
 * every {@code refillPeriod}.
 *
 * <p>The rate is kept as a fraction, not a double, so that the bucket can be computed in exact integers:
 * one token is {@link #unitsPerToken()} units and the bucket gains {@link #refillUnitsPerMicro()} units
 * every microsecond. Nothing is ever rounded away, so 1 token/s with 10 requests/s admits exactly 1/s.
 * The largest bucket, in units, stays below 2^52 so that Redis Lua (doubles only) computes it exactly too.
 */
public record Limit(String name, long capacity, long refillTokens, Duration refillPeriod) {

    /** Doubles are exact below 2^53; one bit of head-room keeps sums of two amounts exact as well. */
    public static final long MAX_UNITS = 1L << 52;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    public Limit {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("limit name must be 1-40 of [a-z0-9_.-], starting with a letter or digit: " + name);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("limit '" + name + "': capacity must be at least 1, was " + capacity);
        }
        if (refillTokens < 1) {
            throw new IllegalArgumentException("limit '" + name + "': refill must add at least 1 token, was " + refillTokens);
        }
        if (refillPeriod == null || refillPeriod.toNanos() < 1_000 || refillPeriod.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("limit '" + name + "': refill period must be a whole number of microseconds, at least 1");
        }
        long periodMicros = refillPeriod.toNanos() / 1_000;
        long g = gcd(refillTokens, periodMicros);
        if (BigInteger.valueOf(capacity).multiply(BigInteger.valueOf(periodMicros / g)).compareTo(BigInteger.valueOf(MAX_UNITS)) > 0) {
            throw new IllegalArgumentException("limit '" + name + "': capacity x refill period is too large to compute exactly;"
                    + " use a smaller capacity or a shorter period");
        }
    }

    /** A limit refilled at a decimal rate per second, such as {@code 1}, {@code 0.5} or {@code 2.25}. */
    public static Limit perSecond(String name, long capacity, String tokensPerSecond) {
        java.math.BigDecimal rate;
        try {
            rate = new java.math.BigDecimal(tokensPerSecond.strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit '" + name + "': refill rate is not a number: " + tokensPerSecond);
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("limit '" + name + "': refill rate must be positive, was " + tokensPerSecond);
        }
        if (rate.scale() > 6) {
            throw new IllegalArgumentException("limit '" + name + "': refill rate has more than 6 decimals: " + tokensPerSecond);
        }
        int scale = Math.max(rate.scale(), 0);
        long tokens = rate.movePointRight(scale).longValueExact();
        return new Limit(name, capacity, tokens, Duration.ofSeconds(1).multipliedBy(BigInteger.TEN.pow(scale).longValueExact()));
    }

    long periodMicros() {
        return refillPeriod.toNanos() / 1_000;
    }

    private long gcd() {
        return gcd(refillTokens, periodMicros());
    }

    /** Euclid on longs: a handful of divisions, cheap enough for the request path where the units are derived. */
    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** How many integer units make one token. */
    public long unitsPerToken() {
        return periodMicros() / gcd();
    }

    /** How many units the bucket gains per microsecond. */
    public long refillUnitsPerMicro() {
        return refillTokens / gcd();
    }

    /** The bucket's capacity in units. */
    public long capacityUnits() {
        return capacity * unitsPerToken();
    }

    /** Seconds an empty bucket takes to fill: the {@code w} of the {@code RateLimit-Policy} header. */
    public long windowSeconds() {
        long fillMicros = ceilDiv(capacityUnits(), refillUnitsPerMicro());
        return Math.max(1, ceilDiv(fillMicros, 1_000_000));
    }

    static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
