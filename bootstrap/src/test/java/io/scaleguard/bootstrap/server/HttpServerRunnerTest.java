package io.scaleguard.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

class HttpServerRunnerTest {

    static final CountDownLatch REQUEST_STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Path("/slow")
    public static class SlowResource {
        @GET
        public String slow() throws InterruptedException {
            REQUEST_STARTED.countDown();
            RELEASE.await(10, TimeUnit.SECONDS);
            return "done";
        }
    }

    @Path("/echo")
    public static class EchoResource {
        @jakarta.ws.rs.POST
        public String echo(String body) {
            return "got " + body;
        }

        @GET
        public String get() {
            return "plain";
        }
    }

    @Test
    void servesARequestOfferingAnUpgradeToHttp2AsPlainHttp11() throws Exception {
        try (HttpServerRunner runner = HttpServerRunner.start(new ResourceConfig(EchoResource.class), "127.0.0.1", 0, 4, Duration.ofSeconds(1))) {
            // Java's client offers h2c on every plain-http request by default
            HttpClient offersHttp2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            URI echo = URI.create("http://127.0.0.1:" + runner.port() + "/echo");
            HttpResponse<String> posted = offersHttp2.send(HttpRequest.newBuilder(echo).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.body()).isEqualTo("got hello");
            assertThat(posted.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            HttpResponse<String> got = offersHttp2.send(HttpRequest.newBuilder(echo).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(got.body()).isEqualTo("plain");
        }
    }

    @Test
    void answersWhatArrivesOnAnOpenConnectionWhileDrainingAndClosesItAfterTheAnswer() throws Exception {
        HttpServerRunner runner = HttpServerRunner.start(new ResourceConfig(EchoResource.class), "127.0.0.1", 0, 4, Duration.ofSeconds(60));
        URI echo = URI.create("http://127.0.0.1:" + runner.port() + "/echo");
        try (Socket keptAlive = new Socket("127.0.0.1", runner.port())) {
            keptAlive.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(keptAlive.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = keptAlive.getOutputStream();
            assertThat(exchange(out, in)).contains("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");

            CompletableFuture<Void> closing = CompletableFuture.runAsync(runner::close);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connectionRefused(echo)).isTrue());

            String duringDrain = exchange(out, in);
            assertThat(duringDrain).as("served, not Grizzly's 503").contains("HTTP/1.1 200").containsIgnoringCase("connection: close");
            assertThat(in.read()).as("the server closed the connection after its answer").isEqualTo(-1);
            closing.get(30, TimeUnit.SECONDS);
            assertThat(closing).as("the drain ended when the last connection did, long before the 60 s grace").isDone();
        }
    }

    /** One GET on the kept-alive connection; returns the status line and headers. */
    private static String exchange(OutputStream out, BufferedReader in) throws IOException {
        out.write("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        String line;
        int length = 0;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            head.append(line).append('\n');
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.skip(length);
        return head.toString();
    }

    @Test
    void drainsAnInFlightRequestBeforeStoppingAndRefusesNewConnections() throws Exception {
        HttpServerRunner runner = HttpServerRunner.start(new ResourceConfig(SlowResource.class), "127.0.0.1", 0, 4, Duration.ofSeconds(10));
        HttpClient client = HttpClient.newHttpClient();
        URI slow = URI.create("http://127.0.0.1:" + runner.port() + "/slow");
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(REQUEST_STARTED.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(runner::close);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(connectionRefused(slow)).isTrue());
        assertThat(closing).isNotDone();

        RELEASE.countDown();
        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        closing.get(5, TimeUnit.SECONDS);
    }

    private static boolean connectionRefused(URI uri) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
