package io.scaleguard.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.scaleguard.domain.violation.DomainObjectLeakingRedisson;
import org.junit.jupiter.api.Test;

/** The rules are only worth having if they fail on a violation with a message a reviewer understands. */
class ArchitectureRulesCatchViolationsTest {

    private final JavaClasses leakyDomain = new ClassFileImporter().importClasses(DomainObjectLeakingRedisson.class);

    @Test
    void aRedissonTypeInTheDomainBreaksTheDomainRuleAndSaysWhy() {
        EvaluationResult result = ArchitectureRules.DOMAIN_IS_PURE_JAVA.evaluate(leakyDomain);

        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report)
                .contains("classes that reside in a package 'io.scaleguard.domain..' should only depend on classes that reside in any package")
                .contains("because the domain is the stable core")
                .contains("DomainObjectLeakingRedisson")
                .contains("org.redisson.api.RedissonClient");
    }

    @Test
    void aRedissonTypeInTheDomainAlsoBreaksTheNoFrameworkRule() {
        EvaluationResult result = ArchitectureRules.APPLICATION_KNOWS_NO_FRAMEWORK.evaluate(leakyDomain);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("belong in adapters, where they can be replaced");
    }
}
