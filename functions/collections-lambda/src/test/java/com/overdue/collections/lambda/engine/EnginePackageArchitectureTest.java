package com.overdue.collections.lambda.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The composition root is plain Java: the local runner and the benchmarks build it without a CDI container. */
class EnginePackageArchitectureTest {

    private static final String ENGINE = "com.overdue.collections.lambda.engine";

    static final ArchRule NO_CONTAINER = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "jakarta..", "javax.inject..", "org.eclipse.microprofile..",
                    "io.smallrye..")
            .because("CDI wiring belongs in lambda.config (EngineBeans), which only reads properties and delegates");

    @Test
    void the_engine_package_imports_no_container() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ENGINE);
        NO_CONTAINER.check(engine);
    }
}
