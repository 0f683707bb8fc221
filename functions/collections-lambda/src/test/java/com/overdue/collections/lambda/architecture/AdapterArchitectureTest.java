package com.overdue.collections.lambda.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Lambda module's outer layers: functions call use cases, the composition root wires adapters, adapters
 * implement ports and know neither functions nor wiring, and no two packages form a cycle.
 */
class AdapterArchitectureTest {

    private static final String LAMBDA = "com.overdue.collections.lambda";
    private static final String[] ADAPTERS = {LAMBDA + ".dynamodb..", LAMBDA + ".sns..", LAMBDA + ".ses..",
            LAMBDA + ".s3..", LAMBDA + ".sqs..", LAMBDA + ".reminder..", LAMBDA + ".metrics.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(LAMBDA);

    static final ArchRule ADAPTERS_DO_NOT_KNOW_FUNCTIONS_OR_WIRING = noClasses()
            .that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(LAMBDA + ".function..", LAMBDA + ".config..",
                    LAMBDA + ".engine..")
            .because("an adapter is wired by the composition root and called through a port, never the reverse");

    static final ArchRule FUNCTIONS_DO_NOT_TOUCH_STORAGE = noClasses()
            .that().resideInAPackage(LAMBDA + ".function..")
            .should().dependOnClassesThat().resideInAnyPackage(LAMBDA + ".dynamodb..", LAMBDA + ".s3..",
                    "software.amazon.awssdk.services.dynamodb..", "software.amazon.awssdk.services.s3..")
            .because("a function parses its input, calls one use case and returns; storage is the adapters' job");

    static final ArchRule NO_CYCLES = slices().matching(LAMBDA + ".(*)..").should().beFreeOfCycles()
            .because("a cycle between packages makes the layers meaningless");

    @Test
    void the_import_sees_functions_adapters_and_the_composition_root() {
        assertThat(CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
                .contains(LAMBDA + ".function", LAMBDA + ".dynamodb", LAMBDA + ".sns", LAMBDA + ".engine");
    }

    @Test
    void adapters_do_not_depend_on_functions_or_wiring() {
        ADAPTERS_DO_NOT_KNOW_FUNCTIONS_OR_WIRING.check(CLASSES);
    }

    @Test
    void functions_do_not_touch_storage_directly() {
        FUNCTIONS_DO_NOT_TOUCH_STORAGE.check(CLASSES);
    }

    @Test
    void no_two_lambda_packages_depend_on_each_other() {
        NO_CYCLES.check(CLASSES);
    }
}
