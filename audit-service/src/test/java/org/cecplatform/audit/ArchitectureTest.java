package org.cecplatform.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering rules the compiler does not check. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cecplatform.audit");

    @Test
    void theDomainIsPlainJava() {
        // shared by the services, plain Java too: counting ledger credits, rules in force by date
        classes().that().resideInAPackage("org.cecplatform.audit.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.cecplatform.audit.domain..", "java..",
                        "javax.crypto..", "org.cecplatform.policy.counting..",
                        "org.cecplatform.policy.dated..")
                .check(CLASSES);
    }

    @Test
    void theDomainKnowsNothingOfTheLayersAroundIt() {
        noClasses().that().resideInAPackage("org.cecplatform.audit.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cecplatform.audit.api..",
                        "org.cecplatform.audit.persistence..", "org.cecplatform.audit.messaging..",
                        "org.cecplatform.audit.application..", "org.cecplatform.platform..",
                        "org.cecplatform.contract..")
                .check(CLASSES);
    }

    @Test
    void noServiceImportsAnother() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.cecplatform.ledger..",
                "org.cecplatform.renewal..").check(CLASSES);
    }

    @Test
    void nothingButTheApiDependsOnTheApi() {
        noClasses().that().resideOutsideOfPackage("org.cecplatform.audit.api..")
                .should().dependOnClassesThat().resideInAPackage("org.cecplatform.audit.api..")
                .check(CLASSES);
    }
}
