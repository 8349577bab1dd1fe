package org.cecplatform.ledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.cecplatform.ledger.application.CreditLedger;
import org.cecplatform.ledger.persistence.CreditWriter;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.testsupport.architecture.HouseRules;
import org.junit.jupiter.api.Test;

/** The house rules, for the ledger, and the ledger's own: every change of a ledger is an event. */
class ArchitectureTest extends HouseRules {

    ArchitectureTest() {
        super("org.cecplatform.ledger");
    }

    @Test
    void onlyTheCreditLedgerWritesCreditsAndEvents() {
        noClasses().that().doNotBelongToAnyOf(CreditLedger.class, CreditWriter.class)
                .should().dependOnClassesThat().belongToAnyOf(CreditWriter.class, EventLog.class)
                .because("a credit row is written in the transaction that appends its event, by the write side")
                .check(serviceClasses());
    }
}
