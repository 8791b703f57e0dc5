package io.scaleguard.loadtest;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's Locust test, and more. Every virtual user owns one account (registered by run.sh, some moved to the
 * {@code pro} plan), logs in with the password grant, then hammers {@code GET /users/me/items}: 200 and 429 are both
 * expected outcomes, anything else is a KO. Amid the hammering a login storm sends many password grants at once:
 * 200, or a fast refusal (503 when every Argon2id slot is busy, 429 from a login throttle or the edge), each refusal
 * with {@code Retry-After}. The run fails (after writing its report) when more than 1% of requests are KO.
 */
public class ScaleGuardSimulation extends Simulation {

    private static final String EDGE_REFUSAL = "urn:scaleguard:edge:rate-limited";
    /** A virtual user turned away this often at login gives up: the cluster is then refusing logins outright. */
    private static final int MAX_LOGIN_ATTEMPTS = 30;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final StatusTally tally = new StatusTally();

    {
        setUp(
                hammering("default", settings.defaultAccounts())
                        .injectOpen(rampUsers(settings.defaultAccounts()).during(settings.ramp())),
                hammering("pro", settings.proAccounts())
                        .injectOpen(rampUsers(settings.proAccounts()).during(settings.ramp())),
                loginStorm()
                        .injectOpen(nothingFor(settings.stormDelay()), atOnceUsers(settings.stormLogins())))
                .protocols(http.baseUrl(settings.baseUrl()).acceptHeader("application/json")
                        .userAgentHeader("scaleguard-loadtest"))
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void after() {
        System.out.println("\nScaleGuard load test against " + settings.baseUrl() + ": responses by outcome\n" + tally.table());
    }

    private ScenarioBuilder hammering(String plan, int accounts) {
        String items = "items, " + plan + " plan";
        return scenario("log in and hammer the items, " + plan + " plan")
                .feed(listFeeder(accounts(plan, accounts)))
                .exec(logIn("login, " + plan + " plan"))
                .exitHereIf(session -> !session.contains("accessToken"))
                .during(settings.hammer()).on(
                        exec(recorded(http(items).get("/users/me/items").header("Authorization", "Bearer #{accessToken}"), 200, 429)
                                .checkIf((response, session) -> response.status().code() == 200)
                                .then(jsonPath("$.username").isEL("#{username}")))
                        .exec(session -> tallied(items, session))
                        .pause(settings.pause()));
    }

    /** Retries a refused login after its Retry-After, as a well-behaved client would. */
    private ChainBuilder logIn(String request) {
        return asLongAs(session -> !session.contains("accessToken") && session.getInt("loginAttempt") < MAX_LOGIN_ATTEMPTS,
                "loginAttempt").on(
                exec(recorded(passwordGrant(request), 200, 429, 503)
                        .checkIf((response, session) -> response.status().code() == 200)
                        .then(jsonPath("$.access_token").saveAs("accessToken"))
                        .checkIf((response, session) -> response.status().code() != 200)
                        .then(header("Retry-After").transform(Long::parseLong).saveAs("retryAfter")))
                .exec(session -> tallied(request, session))
                .exitHereIfFailed()
                .doIf(session -> !session.contains("accessToken"))
                .then(pause(session -> Duration.ofSeconds(session.getLong("retryAfter")))));
    }

    private ScenarioBuilder loginStorm() {
        List<Map<String, Object>> everyone = new ArrayList<>(accounts("default", settings.defaultAccounts()));
        everyone.addAll(accounts("pro", settings.proAccounts()));
        return scenario("login storm")
                .feed(listFeeder(everyone).circular())
                .exec(recorded(passwordGrant("login storm"), 200, 429, 503))
                .exec(session -> tallied("login storm", session));
    }

    private HttpRequestActionBuilder passwordGrant(String request) {
        return http(request).post("/auth/token")
                .formParam("grant_type", "password")
                .formParam("username", "#{username}")
                .formParam("password", settings.password());
    }

    /**
     * The status, latency and refusal kind are saved before the status is judged, so that the tally sees every
     * answer, also a KO; every refusal must say when to come back.
     */
    private static HttpRequestActionBuilder recorded(HttpRequestActionBuilder request, Integer... expected) {
        return request
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("responseMillis"), status().in(expected))
                .checkIf((response, session) -> response.status().code() != 200)
                .then(header("Retry-After").exists(), jsonPath("$.type").optional().saveAs("problemType"));
    }

    private Session tallied(String request, Session session) {
        if (session.contains("status")) {
            String outcome = Integer.toString(session.getInt("status"));
            if (EDGE_REFUSAL.equals(session.getString("problemType"))) {
                outcome += " edge";
            }
            tally.record(request, outcome, session.getInt("responseMillis"));
        }
        return session.remove("status").remove("responseMillis").remove("problemType");
    }

    private List<Map<String, Object>> accounts(String plan, int count) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            accounts.add(Map.of("username", settings.username(plan, i)));
        }
        return accounts;
    }
}
