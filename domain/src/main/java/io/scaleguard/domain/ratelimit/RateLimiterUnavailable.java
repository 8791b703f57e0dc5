package io.scaleguard.domain.ratelimit;

/** The one failure a {@link RateLimiter} may report: its store did not answer in time. No driver type crosses the port. */
public class RateLimiterUnavailable extends RuntimeException {

    public RateLimiterUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
