package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionScriptTest {

    private static final Limit PER_SECOND = Limit.perSecond("second", 10, "2.5");
    private static final Limit PER_HOUR = new Limit("hour", 100, 100, Duration.ofHours(1));
    private final DecisionScript script = new DecisionScript("sg:");
    private final RateLimitRequest request = new RateLimitRequest(new BucketKey("user:42"), List.of(PER_SECOND, PER_HOUR), 3);

    @Test
    void wrapsTheBucketKeyInAHashTagAfterThePrefix() {
        assertThat(script.key(request)).isEqualTo("sg:{user:42}");
    }

    @Test
    void passesTheCostAndEachLimitInExactUnits() {
        assertThat(DecisionScript.arguments(request)).containsExactly("3", "2",
                "" + PER_SECOND.capacityUnits(), "" + PER_SECOND.unitsPerToken(), "" + PER_SECOND.refillUnitsPerMicro(),
                "" + PER_HOUR.capacityUnits(), "" + PER_HOUR.unitsPerToken(), "" + PER_HOUR.refillUnitsPerMicro());
        // the second time from the cache of rendered limits: the same arguments
        assertThat(DecisionScript.arguments(request)).containsExactly(DecisionScript.arguments(request));
    }

    @Test
    void leavesTheClockToRedisUnlessATestSetsIt() {
        assertThat(DecisionScript.clockArgument(null)).isEmpty();
        assertThat(DecisionScript.clockArgument(1_767_225_600_000_000L)).isEqualTo("1767225600000000");
    }

    @Test
    void readsTheReplyIntoADecisionNamingTheDecidingLimit() {
        Decision decision = DecisionScript.decision(request, List.of(0L, 1L, 0L, 1_500_000L, 3_600_000_000L, 42L));
        assertThat(decision).isEqualTo(new Decision(false, 0, Duration.ofMillis(1_500), Duration.ofHours(1), PER_HOUR));
        assertThat(DecisionScript.decidedAtMicros(List.of(0L, 1L, 0L, 1_500_000L, 3_600_000_000L, 42L))).isEqualTo(42);
    }

    @Test
    void refusesAReplyThatIsNotTheScripts() {
        assertThatThrownBy(() -> DecisionScript.decision(request, List.of("OK"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void identifiesTheScriptByTheShaOfItsBytes() {
        assertThat(script.sha()).matches("[0-9a-f]{40}");
        assertThat(script.source()).startsWith("-- Rate-limit decisions").endsWith("\n");
    }
}
