package io.scaleguard.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the hexagon on every build. Each rule is one test named by its sentence; the whole evaluation is also written
 * to {@code bootstrap/target/architecture-report.md} for reviewers: each rule, its reason, its result.
 */
class ArchitectureTest {

    private static final List<String> REPORT = new ArrayList<>();

    static Stream<ArchRule> rules() {
        return ArchitectureRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(ProductionClasses.ALL);
        REPORT.add("| " + rule.getDescription().replace("|", "\\|") + " | "
                + (result.hasViolation() ? "**violated**: " + result.getFailureReport().getDetails().size() + " violation(s)" : "holds") + " |");
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void importsEveryModule() {
        assertThat(ProductionClasses.ALL.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("domain", "application", "bootstrap");
    }

    @AfterAll
    static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# ScaleGuard architecture report",
                "",
                "Written by `ArchitectureTest` on every build from " + ProductionClasses.ALL.size() + " production classes.",
                "The component diagram checked by the last rule is `bootstrap/src/test/resources/architecture/components.puml`.",
                "",
                "| rule (and why) | result |",
                "| --- | --- |"));
        lines.addAll(REPORT);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.write(target.resolve("architecture-report.md"), lines, StandardCharsets.UTF_8);
    }
}
