package io.scaleguard.adapters.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.testing.Scrape;
import io.scaleguard.application.port.out.RateLimitEvents.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerRateLimitEventsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerRateLimitEvents events = new MicrometerRateLimitEvents(registry);

    @Test
    void countsDecisionsByPolicyAndOutcome() {
        events.decided("default", Outcome.ALLOWED);
        events.decided("default", Outcome.ALLOWED);
        events.decided("default", Outcome.REFUSED);
        events.decided("trial", Outcome.SHADOW_REFUSED);

        Scrape scrape = scrape();
        assertThat(decisions(scrape, "default", "allowed")).isEqualTo(2);
        assertThat(decisions(scrape, "default", "refused")).isEqualTo(1);
        assertThat(decisions(scrape, "default", "shadow_refused")).isZero();
        assertThat(decisions(scrape, "trial", "shadow_refused")).isEqualTo(1);
    }

    @Test
    void policiesPastTheCapAreCountedTogetherAsOther() {
        for (int i = 0; i < MicrometerRateLimitEvents.MAX_POLICIES + 10; i++) {
            events.decided("policy-" + i, Outcome.REFUSED);
        }
        events.decided("policy-0", Outcome.REFUSED);

        Scrape scrape = scrape();
        assertThat(decisions(scrape, "policy-0", "refused")).isEqualTo(2);
        assertThat(decisions(scrape, "other", "refused")).isEqualTo(10);
        assertThat(scrape.value("scaleguard_ratelimit_decisions_total", Map.of("policy", "policy-" + (MicrometerRateLimitEvents.MAX_POLICIES + 5))))
                .isEmpty();
        assertThat(registry.find("scaleguard.ratelimit.decisions").tag("outcome", "refused").counters())
                .hasSize(MicrometerRateLimitEvents.MAX_POLICIES + 1);
    }

    @Test
    void marksTheSharedStoreAnsweringUntilAFailureModeIsReported() {
        assertThat(failureModes(scrape())).containsExactlyInAnyOrderEntriesOf(Map.of("none", 1.0, "local", 0.0, "open", 0.0, "closed", 0.0));

        events.failureMode("local");
        assertThat(failureModes(scrape())).containsExactlyInAnyOrderEntriesOf(Map.of("none", 0.0, "local", 1.0, "open", 0.0, "closed", 0.0));

        events.failureMode("none");
        assertThat(failureModes(scrape())).containsEntry("none", 1.0).containsEntry("local", 0.0);
    }

    @Test
    void aFailureModeItDoesNotKnowIsReportedAsOther() {
        events.failureMode("degraded-" + "user-42");

        Scrape scrape = scrape();
        assertThat(failureModes(scrape)).containsEntry("other", 1.0).containsEntry("none", 0.0);
        assertThat(registry.scrape()).doesNotContain("user-42");
    }

    @Test
    void countsDenyCacheHits() {
        events.denyCacheHit();
        events.denyCacheHit();

        assertThat(scrape().value("scaleguard_ratelimit_deny_cache_hits_total")).hasValue(2);
    }

    @Test
    void timesEveryRedisCallAndCountsTheFailedOnes() {
        events.backendCall(Duration.ofNanos(300_000), false);
        events.backendCall(Duration.ofMillis(3), false);
        events.backendCall(Duration.ofSeconds(1), true);

        Scrape scrape = scrape();
        assertThat(scrape.value("scaleguard_ratelimit_redis_calls_seconds_count")).hasValue(3);
        assertThat(scrape.value("scaleguard_ratelimit_redis_errors_total")).hasValue(1);
        // Histogram buckets are cumulative: what histogram_quantile needs to estimate percentiles.
        assertThat(scrape.value("scaleguard_ratelimit_redis_calls_seconds_bucket", Map.of("le", "5.0E-4"))).hasValue(1);
        assertThat(scrape.value("scaleguard_ratelimit_redis_calls_seconds_bucket", Map.of("le", "0.005"))).hasValue(2);
        assertThat(scrape.value("scaleguard_ratelimit_redis_calls_seconds_bucket", Map.of("le", "+Inf"))).hasValue(3);
    }

    private Scrape scrape() {
        return new Scrape(registry.scrape());
    }

    private static double decisions(Scrape scrape, String policy, String outcome) {
        return scrape.value("scaleguard_ratelimit_decisions_total", Map.of("policy", policy, "outcome", outcome)).orElseThrow();
    }

    private static Map<String, Double> failureModes(Scrape scrape) {
        Map<String, Double> modes = new HashMap<>();
        for (String mode : new String[] {"none", "local", "open", "closed", "other"}) {
            scrape.value("scaleguard_ratelimit_failure_mode", Map.of("mode", mode)).ifPresent(value -> modes.put(mode, value));
        }
        return modes;
    }
}
