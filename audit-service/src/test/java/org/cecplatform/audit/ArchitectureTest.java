package org.cecplatform.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.cecplatform.audit.application.AuditStore;
import org.cecplatform.audit.application.AuditsProjection;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.messaging.AuditEventStream;
import org.cecplatform.audit.persistence.AuditTable;
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

    /**
     * Nothing but the event store writes an audit's state (README "Event sourcing"): the events a command recorded are
     * appended by {@link AuditStore} alone, and the audit table is written by the {@code audits} projection alone.
     */
    @Test
    void onlyTheAuditStoreTurnsAnAuditsNewEventsIntoStoredOnes() {
        noClasses().that().doNotBelongToAnyOf(AuditStore.class)
                .should().callMethod(Audit.class, "recorded")
                .orShould().callMethod(AuditEventStream.class, "toNewEvents", AuditState.class, List.class)
                .because("an audit's events reach the event log only through AuditStore")
                .check(CLASSES);
    }

    @Test
    void onlyTheAuditsProjectionWritesTheAuditTable() {
        noClasses().that().doNotBelongToAnyOf(AuditsProjection.class, AuditTable.class)
                .should().accessClassesThat().belongToAnyOf(AuditTable.class)
                .because("the audit table is the audits projection's: folded from the audits' events, rebuildable")
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
