package io.scaleguard.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.EdgeProcess;
import io.scaleguard.ops.fixture.RepoPaths;
import io.scaleguard.ops.fixture.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ops/docker/nginx.conf is what render.sh makes today from the arguments recorded in its header. */
class ComposeEdgeConfigIT {

    private static final String ARGUMENTS = "# render.sh arguments: ";

    @Test
    void isUpToDateWithTheTemplate() throws IOException {
        Path committed = RepoPaths.resolve("ops/docker/nginx.conf");
        String header = Files.readAllLines(committed).stream().filter(line -> line.startsWith(ARGUMENTS))
                .findFirst().orElseThrow(() -> new AssertionError(committed + " does not say how it was rendered"));
        List<String> args = new ArrayList<>(Arrays.asList(header.substring(ARGUMENTS.length()).split(" ")));
        Path fresh = EdgeProcess.newRunDir().resolve("nginx.conf");
        args.addAll(List.of("--output", fresh.toString()));

        Scripts.run(RepoPaths.renderScript(), args).orFail();

        assertThat(Files.readString(committed))
                .as("ops/docker/nginx.conf is stale: render it again with ops/nginx/render.sh %s --output "
                        + "ops/docker/nginx.conf", header.substring(ARGUMENTS.length()))
                .isEqualTo(Files.readString(fresh));
    }
}
