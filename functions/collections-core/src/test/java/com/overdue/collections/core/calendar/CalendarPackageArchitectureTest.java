package com.overdue.collections.core.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CalendarPackageArchitectureTest {

    @Test
    void the_calendar_depends_only_on_the_jdk_now_that_its_files_are_read_by_core_config() {
        JavaClasses calendar = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.overdue.collections.core.calendar");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.overdue.collections.core.calendar..")
                .check(calendar);
    }
}
