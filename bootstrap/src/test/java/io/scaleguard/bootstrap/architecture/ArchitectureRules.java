package io.scaleguard.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.lang.ArchRule;
import java.net.URL;
import java.util.List;

/** The hexagon's rules, each a sentence with its reason, as a reviewer reads them in the architecture report. */
final class ArchitectureRules {

    static final String DOMAIN = "io.scaleguard.domain..";
    static final String APPLICATION = "io.scaleguard.application..";
    static final String ADAPTERS = "io.scaleguard.adapters..";
    static final String BOOTSTRAP = "io.scaleguard.bootstrap..";

    private static final String[] FRAMEWORKS = {
        "jakarta..", "javax.persistence..", "org.glassfish..", "org.redisson..", "io.netty..", "org.eclipse.persistence..",
        "org.jose4j..", "liquibase..", "org.postgresql..", "org.h2..", "org.bouncycastle..", "com.fasterxml..",
        "io.micrometer..", "picocli..", "org.slf4j..", "io.swagger.."
    };

    static final URL DIAGRAM = ArchitectureRules.class.getResource("/architecture/components.puml");

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is the stable core: token-bucket maths and ports that any technology can implement");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases must run unchanged whichever adapters the composition root plugs in");

    static final ArchRule APPLICATION_KNOWS_NO_FRAMEWORK = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("Jakarta, Redisson, EclipseLink, jose4j and Liquibase belong in adapters, where they can be replaced");

    static final ArchRule LAYERS = layeredArchitecture().consideringAllDependencies()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
            .because("dependencies point inwards: bootstrap -> adapters -> application -> domain");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("io.scaleguard.adapters.(*)..").namingSlices("$1 adapter")
            .should().notDependOnEachOther()
            .because("each adapter plugs one technology into ports; only the composition root combines them");

    static final ArchRule NO_CYCLES = slices().matching("io.scaleguard.(**)").should().beFreeOfCycles()
            .because("a cycle between packages makes neither side understandable or replaceable alone");

    static final ArchRule USE_CASES_ARE_NAMED = classes().that().resideInAPackage("..port.in..").and().areInterfaces()
            .and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Command")
            .because("an inbound port is one use case, found by its name, taking a *Command (sealed when it has variants)");

    static final ArchRule SERVICES_IMPLEMENT_USE_CASES = classes().that().resideInAPackage(APPLICATION)
            .and().haveSimpleNameEndingWith("Service")
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a *UseCase interface",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getSimpleName().endsWith("UseCase")))
            .because("a *Service is the implementation of a use case, and nothing else");

    static final ArchRule ENTITIES_STAY_IN_THE_POSTGRES_ADAPTER = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().haveSimpleNameEndingWith("JpaEntity").andShould().resideInAPackage("io.scaleguard.adapters.postgres..")
            .andShould().notBePublic()
            .because("JPA entities are a storage detail; mappers turn them into application records at the adapter edge");

    static final ArchRule RESOURCES_STAY_IN_THE_REST_ADAPTER = classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().haveSimpleNameEndingWith("Resource").andShould().resideInAPackage("io.scaleguard.adapters.rest..")
            .because("HTTP is one adapter among several; resources are found by their name");

    static final ArchRule FILTERS_ARE_NAMED = classes().that().implement("jakarta.ws.rs.container.ContainerRequestFilter")
            .or().implement("jakarta.ws.rs.container.ContainerResponseFilter")
            .should().haveSimpleNameEndingWith("Filter")
            .because("request filters run on every call: a reviewer must find them at a glance");

    static final ArchRule COMPONENTS_MATCH_THE_DIAGRAM = classes().that().resideInAPackage("io.scaleguard..")
            .should(adhereToPlantUmlDiagram(DIAGRAM, consideringOnlyDependenciesInDiagram()))
            .because("the component diagram in the README is documentation only while the code agrees with it");

    static List<ArchRule> all() {
        return List.of(DOMAIN_IS_PURE_JAVA, APPLICATION_DEPENDS_ONLY_ON_DOMAIN, APPLICATION_KNOWS_NO_FRAMEWORK, LAYERS,
                ADAPTERS_ARE_INDEPENDENT, NO_CYCLES, USE_CASES_ARE_NAMED, SERVICES_IMPLEMENT_USE_CASES,
                ENTITIES_STAY_IN_THE_POSTGRES_ADAPTER, RESOURCES_STAY_IN_THE_REST_ADAPTER, FILTERS_ARE_NAMED,
                COMPONENTS_MATCH_THE_DIAGRAM);
    }

    private ArchitectureRules() {
    }
}
