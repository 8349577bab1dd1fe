package org.cecplatform.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package roles of the service, as rules that fail the build when broken. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cecplatform.renewal");

    @Test
    void theDomainIsPlainJavaAndDependsOnNothingElse() {
        classes().that().resideInAPackage("..renewal.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..renewal.domain..",
                        // shared by the services, plain Java too: counting ledger credits, rules in force by date
                        "org.cecplatform.policy.counting..", "org.cecplatform.policy.dated..")
                .check(CLASSES);
    }

    @Test
    void resourcesGoThroughTheApplicationLayerNeverStraightToTheTables() {
        noClasses().that().resideInAPackage("..renewal.api..")
                .should().dependOnClassesThat().resideInAPackage("..renewal.persistence..")
                .check(CLASSES);
    }

    @Test
    void nothingButMessagingReadsKafkaTopicsDirectly() {
        noClasses().that().resideOutsideOfPackage("..renewal.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.consumer..")
                .check(CLASSES);
    }
}
