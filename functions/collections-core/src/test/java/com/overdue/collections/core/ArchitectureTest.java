package com.overdue.collections.core;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * function modules. Inside the core the layers point one way: domain packages (loan, ledger, product, delinquency,
 * penalty, calendar, contact, reminder, escalation, bureau, metro2, ingest) know nothing of ports, use cases or
 * configuration; ports speak in domain types; use cases (application) use ports and domain; configuration binds
 * files to domain types. No two packages depend on each other, directly or round a loop.
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
            .because("JSON mapping is spelled out by the event parser, and stored documents are mapped in the adapters");

    static final ArchRule NO_JSON_WRITING = noClasses()
            .that().resideInAPackage(CORE + "..")
            .should().callMethodWhere(target(owner(assignableTo(ObjectMapper.class)))
                    .and(target(nameMatching("write.*|create(Object|Array)Node|valueToTree"))))
            .because("the core reads JSON (events, configuration) but stores no document: the adapters' "
                    + "Jackson-bound records write them (lambda.json.DocumentMapper)");

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
            .that().resideOutsideOfPackages(CORE + ".config..", CORE + ".ingest")
            .should().dependOnClassesThat().resideInAPackage("com.networknt..")
            .because("the JSON Schema validator is a start-up concern of the configuration loader, and the published "
                    + "event contract is enforced at run time by the event parser (core.ingest, nowhere else)");

    static final String[] DOMAIN = {CORE + ".loan..", CORE + ".ledger..", CORE + ".product..",
            CORE + ".delinquency..", CORE + ".penalty..", CORE + ".calendar..", CORE + ".contact..",
            CORE + ".reminder..", CORE + ".escalation..", CORE + ".bureau..", CORE + ".metro2..", CORE + ".ingest.."};

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(CORE + ".port..")
            .layer("Application").definedBy(CORE + ".application..")
            .layer("Configuration").definedBy(CORE + ".config..")
            .whereLayer("Application").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Configuration").mayOnlyBeAccessedByLayers("Application")
            .because("dependencies point inwards: adapters -> application -> ports -> domain, configuration -> domain");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(CORE + ".(*)..").should().beFreeOfCycles()
            .because("a cycle makes two packages one, and the layers above stop meaning anything");

    @Test
    void layers_point_from_application_to_ports_to_domain() {
        LAYERS.check(CORE_CLASSES);
    }

    @Test
    void no_two_core_packages_depend_on_each_other() {
        NO_PACKAGE_CYCLES.check(CORE_CLASSES);
    }

    @Test
    void the_cycle_rule_catches_a_cycle() {
        JavaClasses cycle = new ClassFileImporter().importPackages(CORE + ".fixture.cycle");
        assertThat(slices().matching(CORE + ".fixture.cycle.(*)..").should().beFreeOfCycles()
                .evaluate(cycle).hasViolation()).isTrue();
    }

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
    void no_core_class_writes_json() {
        NO_JSON_WRITING.check(CORE_CLASSES);
    }

    @Test
    void the_json_writing_rule_catches_a_codec_in_the_core() {
        JavaClasses offender = new ClassFileImporter().importClasses(CodecInTheCore.class);
        assertThat(NO_JSON_WRITING.evaluate(offender).hasViolation()).isTrue();
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

    /** A hand-written codec in the core, to show the JSON-writing rule is not vacuous. */
    static final class CodecInTheCore {
        String write(Object value) throws JsonProcessingException {
            return new ObjectMapper().writeValueAsString(value);
        }
    }
}
