package org.cecplatform.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.renewal.application.CertificantStream;
import org.cecplatform.renewal.application.CertificationsProjection;
import org.cecplatform.renewal.application.LedgerCreditsWriter;
import org.cecplatform.renewal.persistence.CertificationTables;
import org.cecplatform.renewal.persistence.LedgerCreditTables;
import org.cecplatform.testsupport.architecture.HouseRules;
import org.junit.jupiter.api.Test;

/** The house rules every service keeps, and the renewal-service's own: the event store and the projection writers. */
class ArchitectureTest extends HouseRules {

    ArchitectureTest() {
        super("org.cecplatform.renewal");
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
                .check(serviceClasses());
    }

    /** The read tables are projections: only each projection's writer writes them, so a rebuild gives the same rows. */
    @Test
    void onlyTheProjectionWritersWriteTheProjectionTables() {
        noClasses().that().doNotHaveFullyQualifiedName(CertificationsProjection.class.getName())
                .should().dependOnClassesThat().areAssignableTo(CertificationTables.class)
                .because("live writes and rebuilds of the certifications must go through the same projection code")
                .check(serviceClasses());
        noClasses().that().doNotHaveFullyQualifiedName(LedgerCreditsWriter.class.getName())
                .should().dependOnClassesThat().areAssignableTo(LedgerCreditTables.class)
                .because("the live consumer and a rebuild of the ledger's credits write through the same writer")
                .check(serviceClasses());
    }
}
