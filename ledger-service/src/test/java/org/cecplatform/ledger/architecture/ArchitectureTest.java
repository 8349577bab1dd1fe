package org.cecplatform.ledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: it knows no framework, no persistence, no API and no messaging. */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cecplatform.ledger");

    @Test
    void theDomainDependsOnNoFrameworkAndNoOtherLayer() {
        noClasses().that().resideInAPackage("org.cecplatform.ledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..",
                        "org.eclipse..", "com.fasterxml..", "org.apache.kafka..", "org.cecplatform.platform..",
                        "org.cecplatform.ledger.api..", "org.cecplatform.ledger.persistence..",
                        "org.cecplatform.ledger.messaging..", "org.cecplatform.ledger.config..", "java.sql..")
                .check(LEDGER);
    }

    @Test
    void nothingButTheApiDependsOnTheApi() {
        noClasses().that().resideOutsideOfPackage("org.cecplatform.ledger.api..")
                .should().dependOnClassesThat().resideInAPackage("org.cecplatform.ledger.api..")
                .check(LEDGER);
    }

    @Test
    void theLedgerUsesNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.cecplatform.renewal..",
                "org.cecplatform.audit..").check(LEDGER);
    }
}
