package io.scaleguard.ops.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for scaleguard.jar when the cluster scripts are tested: it keeps the run contract that up.sh and
 * down.sh rely on (listens on SCALEGUARD_HTTP_PORT, serves /health/live and /health/ready, stops on SIGTERM) and
 * shows at /env the SCALEGUARD_* variables it was given. STANDIN_* variables make it misbehave on purpose:
 * STANDIN_FAIL_AT_START exits at once, STANDIN_READY_STATUS answers readiness with that status,
 * STANDIN_IGNORE_SIGTERM never finishes its shutdown.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        if (env.containsKey("STANDIN_FAIL_AT_START")) {
            System.out.println("stand-in: failing at start as asked");
            System.exit(1);
        }
        int port = Integer.parseInt(env.get("SCALEGUARD_HTTP_PORT"));
        int readyStatus = Integer.parseInt(env.getOrDefault("STANDIN_READY_STATUS", "200"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/health/live", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", exchange -> reply(exchange, readyStatus, "{\"status\":" + readyStatus + "}"));
        server.createContext("/env", exchange -> reply(exchange, 200, scaleGuardVariables(env)));
        boolean ignoreSigterm = env.containsKey("STANDIN_IGNORE_SIGTERM");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stand-in: SIGTERM, stopping");
            server.stop(0);
            if (ignoreSigterm) {
                awaitForever();
            }
        }));
        server.start();
        System.out.println("stand-in: listening on " + port);
    }

    private static String scaleGuardVariables(Map<String, String> env) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith("SCALEGUARD_")) {
                json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":\"")
                        .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return json.append('}').toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
