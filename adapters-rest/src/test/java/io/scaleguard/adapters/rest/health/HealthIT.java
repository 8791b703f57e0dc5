package io.scaleguard.adapters.rest.health;

import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.out.HealthCheck;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthIT extends ServedApplication {

    private final Dependency database = new Dependency("database", true);
    /** As bootstrap wires Redis under the local or open failure mode: reported, never failing readiness. */
    private final Dependency redis = new Dependency("redis", false);

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components(List.of(), List.of(database, redis)));
    }

    @AfterEach
    void releaseHungChecks() {
        database.recover();
        redis.recover();
    }

    @Test
    void livenessIsUpWhateverTheDependenciesSay() {
        database.state = State.DOWN;

        HttpResponse<String> response = http.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyWhenEveryCheckIsHealthy() {
        HttpResponse<String> response = http.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/database").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/redis").asText()).isEqualTo("UP");
    }

    @Test
    void aNonCriticalDependencyDownLeavesTheReplicaReadyButDegraded() {
        redis.state = State.DOWN;

        HttpResponse<String> response = http.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(body.at("/checks/redis").asText()).isEqualTo("DOWN");
        assertThat(body.at("/checks/database").asText()).isEqualTo("UP");
    }

    @Test
    void aCriticalDependencyDownMakesTheReplicaUnreadyAndTheDetailNamesEveryDependencyDown() {
        database.state = State.DOWN;
        assertThat(assertProblem(http.get("/health/ready"), 503).get("detail").asText()).contains("database").doesNotContain("redis");

        redis.state = State.DOWN;
        assertThat(assertProblem(http.get("/health/ready"), 503).get("detail").asText()).contains("database", "redis");
    }

    @Test
    void aCheckThatThrowsCountsAsDown() {
        database.state = State.THROWS;
        redis.state = State.THROWS;

        assertThat(assertProblem(http.get("/health/ready"), 503).get("detail").asText()).contains("database", "redis");
    }

    @Test
    void aHangingCheckIsDownWithinTheBudgetAndIsNotStartedAgainWhileItHangs() {
        database.state = State.HANGS;

        JsonNode first = assertProblem(http.get("/health/ready"), 503);
        JsonNode second = assertProblem(http.get("/health/ready"), 503);

        assertThat(first.get("detail").asText()).contains("database").doesNotContain("redis");
        assertThat(second.get("detail").asText()).contains("database");
        assertThat(database.calls).hasValue(1);
    }

    @Test
    void aHangingNonCriticalCheckIsReportedDownWithinTheBudget() {
        redis.state = State.HANGS;

        HttpResponse<String> response = http.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(Http.json(response).at("/checks/redis").asText()).isEqualTo("DOWN");
    }

    enum State { UP, DOWN, THROWS, HANGS }

    /** A dependency whose health the test sets; a hanging one blocks until the test releases it. */
    static final class Dependency implements HealthCheck {

        private final String name;
        private final boolean critical;
        private volatile CountDownLatch release = new CountDownLatch(1);
        volatile State state = State.UP;
        final AtomicInteger calls = new AtomicInteger();

        Dependency(String name, boolean critical) {
            this.name = name;
            this.critical = critical;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean critical() {
            return critical;
        }

        @Override
        public boolean healthy() {
            calls.incrementAndGet();
            switch (state) {
                case DOWN:
                    return false;
                case THROWS:
                    throw new IllegalStateException("connection refused");
                case HANGS:
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // Released by the test's end: answer as the dependency is now, for a probe that shares this run.
                    return state == State.UP;
                default:
                    return true;
            }
        }

        void recover() {
            state = State.UP;
            release.countDown();
            release = new CountDownLatch(1);
            calls.set(0);
        }
    }
}
