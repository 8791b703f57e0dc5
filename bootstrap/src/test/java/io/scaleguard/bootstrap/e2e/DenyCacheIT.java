package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.redis.PrivateRedis;
import io.scaleguard.adapters.redis.TestRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user refused until T is refused by the replica itself until T: the hammering costs Redis nothing. */
class DenyCacheIT {

    private static final Pattern SCRIPT_CALLS = Pattern.compile("cmdstat_(?:evalsha|eval):calls=(\\d+)");

    @TempDir
    Path workDir;

    @Test
    void refusalsUntilTheRetryAfterNeverReachRedis() throws Exception {
        try (PrivateRedis redis = TestRedis.startPrivate();
             ScaleGuardProcess server = ScaleGuardProcess.start(workDir, Map.of(
                     "SCALEGUARD_REDIS_URL", redis.url().toString(),
                     "SCALEGUARD_REDIS_TIMEOUT_MS", "5000",
                     "SCALEGUARD_RATE_CAPACITY", "3",
                     "SCALEGUARD_RATE_REFILL_PER_SECOND", "0.001",
                     "SCALEGUARD_PASSWORD_HASH_MEMORY_KIB", "1024",
                     "SCALEGUARD_PASSWORD_HASH_ITERATIONS", "1"))) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("ivan");
            String token = api.accessToken("ivan");
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/users/me", token).statusCode()).isEqualTo(200);
            }
            assertThat(api.get("/users/me", token).statusCode()).isEqualTo(429);
            long before = scriptCalls(redis);
            for (int i = 0; i < 200; i++) {
                assertThat(api.get("/users/me", token).statusCode()).isEqualTo(429);
            }
            assertThat(scriptCalls(redis)).as("200 refusals, not one script call").isEqualTo(before);
            server.terminate(Duration.ofSeconds(30));
        }
    }

    /** Script calls Redis has run so far, from INFO commandstats over a plain socket. */
    private static long scriptCalls(PrivateRedis redis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int length = Integer.parseInt(in.readLine().substring(1));
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            long calls = 0;
            Matcher matcher = SCRIPT_CALLS.matcher(new String(body));
            while (matcher.find()) {
                calls += Long.parseLong(matcher.group(1));
            }
            return calls;
        }
    }
}
