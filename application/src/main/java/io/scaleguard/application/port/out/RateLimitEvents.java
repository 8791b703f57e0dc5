package io.scaleguard.application.port.out;

import java.time.Duration;

/**
 * What the rate-limiting machinery reports for metrics and logs. Labels stay bounded: policies and outcomes,
 * never user ids. Implementations must be cheap and thread-safe; they sit on the request path.
 */
public interface RateLimitEvents {

    enum Outcome { ALLOWED, REFUSED, SHADOW_REFUSED }

    void decided(String policy, Outcome outcome);

    /** A refusal answered from the local deny cache, without asking the shared store. */
    void denyCacheHit();

    /** One round trip to the shared store, successful or not. */
    void backendCall(Duration latency, boolean failed);

    /** The failure mode now in force: {@code "none"} when the shared store answers, else the configured mode. */
    void failureMode(String mode);

    /** Events go nowhere: for tests and tools that do not export metrics. */
    RateLimitEvents IGNORED = new RateLimitEvents() {
        @Override
        public void decided(String policy, Outcome outcome) {
        }

        @Override
        public void denyCacheHit() {
        }

        @Override
        public void backendCall(Duration latency, boolean failed) {
        }

        @Override
        public void failureMode(String mode) {
        }
    };
}
