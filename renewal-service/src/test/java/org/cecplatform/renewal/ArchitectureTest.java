package org.cecplatform.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.projection.Projection;
import org.cecplatform.renewal.application.CertificantStream;
import org.cecplatform.renewal.persistence.CertificationTables;
import org.cecplatform.renewal.persistence.LedgerCreditTables;
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

    /**
     * The person's stream is the aggregate's only state: one class folds it and appends to it. A command that read or
     * wrote the event log elsewhere (or loaded the person from the read tables and saved rows) would break this.
     */
    @Test
    void nothingButTheEventStoreHoldsAggregateState_onlyCertificantStreamReadsOrAppendsTheEventLog() {
        noClasses().that().doNotHaveFullyQualifiedName(CertificantStream.class.getName())
                .should().dependOnClassesThat().areAssignableTo(EventLog.class)
                .because("the aggregate is folded from, and saved to, the person's stream by CertificantStream alone")
                .check(CLASSES);
    }

    /** The read tables are projections: only a projection writes them, so a rebuild gives the same rows. */
    @Test
    void onlyProjectionsWriteTheProjectionTables() {
        noClasses().that().doNotImplement(Projection.class)
                .should().dependOnClassesThat().areAssignableTo(CertificationTables.class)
                .orShould().dependOnClassesThat().areAssignableTo(LedgerCreditTables.class)
                .because("live writes and rebuilds must go through the same projection code")
                .check(CLASSES);
    }
}
