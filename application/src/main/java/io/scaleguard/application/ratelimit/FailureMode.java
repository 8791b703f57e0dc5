package io.scaleguard.application.ratelimit;

/** What the limiter does while the shared bucket store does not answer (SCALEGUARD_RATE_FAILURE_MODE). */
public enum FailureMode {
    /** a per-replica in-process bucket holding this replica's share of each limit: roughly exact, never unlimited */
    LOCAL,
    /** allow every request */
    OPEN,
    /** refuse every request */
    CLOSED
}
