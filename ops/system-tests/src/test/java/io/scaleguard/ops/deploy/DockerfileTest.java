package io.scaleguard.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.RepoPaths;
import io.scaleguard.ops.fixture.ServiceContract;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ops/docker/Dockerfile, read as text (no Docker engine here): stages, user, health, ports, no secrets. */
class DockerfileTest {

    private static List<String> instructions;
    private static String text;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(RepoPaths.resolve("ops/docker/Dockerfile"));
        // One instruction per logical line: continuations joined, comments dropped.
        instructions = List.of(text.replaceAll("\\\\\\n", " ").lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toArray(String[]::new));
    }

    @Test
    void buildsWithMavenOnAJdk17ImageAndRunsOnAJreImage() {
        List<String> stages = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).matches("FROM maven:\\S*temurin-17\\S* AS build");
        assertThat(stages.get(1)).matches("FROM eclipse-temurin:17-jre\\S*");
        assertThat(instructions).anySatisfy(line -> assertThat(line).startsWith("RUN ").contains("mvn ", "package"));
    }

    @Test
    void copiesTheThinJarWithItsLibFolderFromTheBuildStage() {
        assertThat(instructions).contains(
                "COPY --from=build /src/bootstrap/target/lib/ /app/lib/",
                "COPY --from=build /src/bootstrap/target/scaleguard.jar /app/scaleguard.jar");
    }

    @Test
    void runsAsANonRootUserFromTheFirstRuntimeStepOn() {
        int user = indexOf("USER ");
        assertThat(instructions.get(user)).doesNotMatch("USER (0|root)(:.*)?");
        assertThat(user).isLessThan(indexOf("ENTRYPOINT "));
        assertThat(instructions.get(user)).isEqualTo("USER 10001:10001");
    }

    @Test
    void checksReadinessOnTheServicePort() {
        String healthcheck = instructions.get(indexOf("HEALTHCHECK "));

        assertThat(healthcheck).contains(ServiceContract.READY, "${SCALEGUARD_HTTP_PORT}");
        assertThat(text).contains("SCALEGUARD_HTTP_PORT=" + ServiceContract.DEFAULT_PORT);
        assertThat(instructions).contains("EXPOSE " + ServiceContract.DEFAULT_PORT);
    }

    @Test
    void startsJavaDirectlySoThatItReceivesSigterm() {
        assertThat(instructions.get(indexOf("ENTRYPOINT "))).startsWith("ENTRYPOINT [\"java\"").endsWith("\"-jar\", \"/app/scaleguard.jar\"]");
        assertThat(instructions).contains("STOPSIGNAL SIGTERM");
    }

    @Test
    void setsOnlyVariablesTheServiceKnowsAndNoSecret() {
        Matcher variables = Pattern.compile("\\b(SCALEGUARD_[A-Z0-9_]+)=").matcher(text);
        while (variables.find()) {
            assertThat(ServiceContract.knownVariables()).contains(variables.group(1));
        }
        assertThat(instructions).noneSatisfy(line ->
                assertThat(line).matches("(?i)(ENV|ARG) .*(PASSWORD|SECRET|TOKEN)\\S*=.*"));
    }

    @Test
    void keepsSecretsAndBuildOutputOutOfTheBuildContext() throws IOException {
        List<String> ignored = Files.readAllLines(RepoPaths.resolve("ops/docker/Dockerfile.dockerignore"));

        assertThat(ignored).contains(".git", "**/target", "**/.env", "ops/cluster/run");
    }

    private static int indexOf(String prefix) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("the Dockerfile has no " + prefix.strip() + " instruction");
    }
}
