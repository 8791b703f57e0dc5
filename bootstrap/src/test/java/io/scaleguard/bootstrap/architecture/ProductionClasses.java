package io.scaleguard.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every production class of every module, without tests, test-jars or libraries. */
final class ProductionClasses {

    private static final ImportOption NO_TESTS = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(NO_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scaleguard");

    private ProductionClasses() {
    }
}
