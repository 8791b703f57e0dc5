package io.scaleguard.ops.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.EdgeOptions;
import io.scaleguard.ops.fixture.EdgeProcess;
import io.scaleguard.ops.fixture.NginxBinary;
import io.scaleguard.ops.fixture.RepoPaths;
import io.scaleguard.ops.fixture.ScriptResult;
import io.scaleguard.ops.fixture.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ops/nginx/render.sh: what it writes, that `nginx -t` accepts it, and what it refuses to render. */
class RenderedConfigIT {

    /** Above 1024: an unprivileged user can listen there (nginx -t does not bind it anyway). */
    private static final int UNPRIVILEGED_PORT = 18080;

    @Test
    void rendersADefaultConfigThatNginxAccepts() throws IOException {
        Path runDir = EdgeProcess.newRunDir();
        Scripts.run(RepoPaths.renderScript(), List.of("--run-dir", runDir.toString())).orFail();

        EdgeProcess.configTest(runDir).orFail();
        String conf = Files.readString(runDir.resolve("nginx.conf"));
        // The seed's edge: 10 requests per second per client address.
        assertThat(conf).contains("zone=edge_per_ip:10m rate=10r/s;", "limit_req zone=edge_per_ip burst=20 nodelay;",
                "listen 127.0.0.1:8080;");
    }

    @Test
    void listsOneUpstreamServerPerReplicaOnConsecutivePortsWithPassiveHealthChecks() throws IOException {
        String conf = render(EdgeOptions.replicas(5, 9001));

        assertThat(servers(conf)).containsExactly("127.0.0.1:9001", "127.0.0.1:9002", "127.0.0.1:9003",
                "127.0.0.1:9004", "127.0.0.1:9005");
        assertThat(conf).contains("server 127.0.0.1:9001 max_fails=3 fail_timeout=10s;", "keepalive 32;");
    }

    @Test
    void namesOneHostPerReplicaWhenGivenAHostPrefix() throws IOException {
        Path runDir = EdgeProcess.newRunDir();
        Scripts.run(RepoPaths.renderScript(), List.of("--replicas", "3", "--host-prefix", "api-", "--first-port", "8080",
                "--run-dir", runDir.toString())).orFail();

        assertThat(servers(Files.readString(runDir.resolve("nginx.conf"))))
                .containsExactly("api-1:8080", "api-2:8080", "api-3:8080");
    }

    @Test
    void keepsEveryFileNginxWritesInsideTheRunDir() throws IOException {
        Path runDir = EdgeProcess.newRunDir();
        EdgeProcess.render(EdgeOptions.replicas(2, 9001), runDir, 9000).orFail();
        String conf = Files.readString(runDir.resolve("nginx.conf"));

        Matcher paths = Pattern.compile("^\\s*(pid|error_log|access_log|\\w+_temp_path)\\s+(\\S+?);?\\s", Pattern.MULTILINE)
                .matcher(conf);
        List<String> found = new ArrayList<>();
        while (paths.find()) {
            found.add(paths.group(2));
        }
        assertThat(found).hasSize(8).allSatisfy(path -> assertThat(path).startsWith(runDir.toString()));
        assertThat(directives(conf)).doesNotContain("include", "/var/", "/etc/");
    }

    @Test
    void retriesOnlyIdempotentRequestsAndAtMostThreeTimes() throws IOException {
        String five = render(EdgeOptions.replicas(5, 9001));
        String one = render(EdgeOptions.replicas(1, 9001));

        assertThat(directives(five)).contains("proxy_next_upstream error timeout http_502 http_503 http_504;",
                "proxy_next_upstream_tries 3;").doesNotContain("non_idempotent");
        assertThat(one).contains("proxy_next_upstream_tries 1;");
    }

    @ParameterizedTest(name = "{0} gives Retry-After {1}")
    @CsvSource({"10r/s, 1", "1r/s, 1", "30r/m, 2", "1r/m, 60", "7r/m, 9"})
    void tellsARefusedClientToWaitForOneRequestsWorthOfTheRate(String rate, String retryAfter) throws IOException {
        String conf = render(EdgeOptions.replicas(1, 9001).perIp(rate, "1"));

        assertThat(conf).contains("location @edge_rate_limited {\n            default_type application/problem+json;\n"
                + "            add_header Retry-After " + retryAfter + " always;");
    }

    @Test
    void acceptsTheConfigAsAnUnprivilegedUser() throws IOException {
        // Outside the build tree, which the unprivileged user may not be able to reach.
        Path runDir = Files.createTempDirectory("edge-unprivileged",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        EdgeProcess.render(EdgeOptions.replicas(2, 9001), runDir, UNPRIVILEGED_PORT).orFail();
        List<String> nginxTest = List.of(NginxBinary.find().toString(), "-t", "-p", runDir.toString(),
                "-c", runDir.resolve("nginx.conf").toString(), "-e", runDir.resolve("error.log").toString());
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(nginxTest);

        try {
            ScriptResult result = Scripts.exec(command, Map.of(), Duration.ofSeconds(30));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.output()).doesNotContain("[alert]", "[emerg]", "Permission denied");
        } finally {
            deleteTree(runDir);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--rate|10",
        "--rate|10r/h",
        "--burst|-1",
        "--replicas|0",
        "--first-port|65535",
        "--listen|localhost:80",
        "--trusted-proxies|10.0.0.0/8;deny",
        "--max-body|lots",
        "--host-prefix|api;",
        "--no-such-option|x"})
    void refusesABadOptionWithExitCodeTwoAndSaysWhich(String option, String value) {
        ScriptResult result = Scripts.run(RepoPaths.renderScript(),
                List.of("--run-dir", EdgeProcess.newRunDir().toString(), option, value));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.output()).startsWith("render.sh: ").contains(option.equals("--no-such-option") ? option : value);
    }

    private static String render(EdgeOptions options) throws IOException {
        Path runDir = EdgeProcess.newRunDir();
        EdgeProcess.render(options, runDir, 9000).orFail();
        return Files.readString(runDir.resolve("nginx.conf"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The config without its comments, which may name what the directives avoid. */
    private static String directives(String conf) {
        return conf.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (all, line) -> all + line + "\n");
    }

    private static List<String> servers(String conf) {
        Matcher servers = Pattern.compile("^\\s*server (\\S+) max_fails", Pattern.MULTILINE).matcher(conf);
        List<String> found = new ArrayList<>();
        while (servers.find()) {
            found.add(servers.group(1));
        }
        return found;
    }
}
