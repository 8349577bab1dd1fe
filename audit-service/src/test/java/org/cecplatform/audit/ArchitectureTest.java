package org.cecplatform.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;
import org.cecplatform.audit.application.AuditEventStream;
import org.cecplatform.audit.application.AuditStore;
import org.cecplatform.audit.application.AuditsProjection;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.persistence.AuditTable;
import org.cecplatform.testsupport.architecture.HouseRules;
import org.junit.jupiter.api.Test;

/** The house rules, and the audit's own: who turns an audit's changes into stored events and rows. */
class ArchitectureTest extends HouseRules {

    ArchitectureTest() {
        super("org.cecplatform.audit");
    }

    /** The sampling draws' HMAC ({@code Seed}) is plain Java too. */
    @Override
    protected List<String> domainMayAlsoUse() {
        List<String> allowed = new ArrayList<>(super.domainMayAlsoUse());
        allowed.add("javax.crypto..");
        return allowed;
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
                .check(serviceClasses());
    }

    @Test
    void onlyTheAuditsProjectionWritesTheAuditTable() {
        noClasses().that().doNotBelongToAnyOf(AuditsProjection.class, AuditTable.class)
                .should().accessClassesThat().belongToAnyOf(AuditTable.class)
                .because("the audit table is the audits projection's: folded from the audits' events, rebuildable")
                .check(serviceClasses());
    }
}
