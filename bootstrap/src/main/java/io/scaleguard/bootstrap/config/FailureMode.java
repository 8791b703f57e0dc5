package io.scaleguard.bootstrap.config;

/** What the limiter does while Redis does not answer (SCALEGUARD_RATE_FAILURE_MODE). */
public enum FailureMode {
    /** a per-replica in-process bucket: roughly the limit times the replica count, but never unlimited */
    LOCAL,
    /** allow every request */
    OPEN,
    /** refuse every request */
    CLOSED
}
