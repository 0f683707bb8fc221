package com.overdue.collections.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java (STYLE: the domain has no framework import). Cloud and framework code lives in the
 * function modules; the domain packages know nothing of use cases or ports.
 */
class ArchitectureTest {

    private static final String CORE = "com.overdue.collections.core";

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    static final ArchRule NO_CLOUD_OR_FRAMEWORK = noClasses()
            .that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "io.quarkus..", "jakarta..", "com.amazonaws..", "org.jboss..")
            .because("the core runs unchanged in the Lambda functions, the local runner and plain unit tests");

    static final ArchRule NO_JACKSON_ANNOTATIONS = noClasses()
            .that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.annotation..")
            .because("JSON mapping is spelled out by the parser and the snapshot codec, not annotated on the domain");

    static final ArchRule DOMAIN_DOES_NOT_KNOW_USE_CASES_OR_PORTS = noClasses()
            .that().resideInAnyPackage(CORE + ".loan..", CORE + ".ledger..", CORE + ".delinquency..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + ".application..", CORE + ".port..")
            .because("use cases and ports are built on the domain, never the other way round");

    static final ArchRule DOMAIN_DOES_NOT_KNOW_CONFIGURATION_FILES = noClasses()
            .that().resideInAnyPackage(CORE + ".loan..", CORE + ".ledger..", CORE + ".delinquency..",
                    CORE + ".product..", CORE + ".penalty..", CORE + ".contact..", CORE + ".reminder..",
                    CORE + ".escalation..", CORE + ".bureau..", CORE + ".metro2..", CORE + ".calendar..",
                    CORE + ".ingest..", CORE + ".port..")
            .should().dependOnClassesThat().resideInAPackage(CORE + ".config..")
            .because("configuration files are read, validated and mapped to the domain in core.config: config "
                    + "depends on the domain, never the other way round");

    static final ArchRule ONLY_CONFIG_VALIDATES_SCHEMAS = noClasses()
            .that().resideOutsideOfPackage(CORE + ".config..")
            .should().dependOnClassesThat().resideInAPackage("com.networknt..")
            .because("the JSON Schema validator is a start-up concern of the configuration loader");

    @Test
    void the_import_sees_every_core_package() {
        Set<String> packages = CORE_CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(packages).contains(CORE + ".loan", CORE + ".ledger", CORE + ".delinquency", CORE + ".ingest",
                CORE + ".application", CORE + ".port", CORE + ".calendar", CORE + ".config");
        assertThat(CORE_CLASSES.stream().map(JavaClass::getSimpleName)).doesNotContain("ArchitectureTest");
    }

    @Test
    void no_core_class_depends_on_aws_quarkus_jakarta_or_jboss() {
        NO_CLOUD_OR_FRAMEWORK.check(CORE_CLASSES);
    }

    @Test
    void no_core_class_uses_jackson_annotations() {
        NO_JACKSON_ANNOTATIONS.check(CORE_CLASSES);
    }

    @Test
    void loan_ledger_and_delinquency_do_not_depend_on_application_or_port() {
        DOMAIN_DOES_NOT_KNOW_USE_CASES_OR_PORTS.check(CORE_CLASSES);
    }

    @Test
    void the_domain_packages_do_not_depend_on_the_configuration_loader() {
        DOMAIN_DOES_NOT_KNOW_CONFIGURATION_FILES.check(CORE_CLASSES);
        ONLY_CONFIG_VALIDATES_SCHEMAS.check(CORE_CLASSES);
    }

    @Test
    void the_jackson_rule_catches_an_annotated_class_in_the_core() {
        JavaClasses offender = new ClassFileImporter().importClasses(AnnotatedRecord.class);
        assertThat(NO_JACKSON_ANNOTATIONS.evaluate(offender).hasViolation()).isTrue();
    }

    /** A core class that breaks the rule, to show the rule is not vacuous. */
    record AnnotatedRecord(@JsonProperty("id") String id) {
    }
}
