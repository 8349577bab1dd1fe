package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.audit.application.EventPayloads;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CecCounter;
import org.junit.jupiter.api.Test;

/**
 * Every event the audit can publish, produced by the real mapping from a scenario that goes through all seven types,
 * matches its JSON Schema; and the schemas do reject wrong payloads. (The @QuarkusTests validate what is actually
 * published on the topic as well.)
 */
class EventSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final AuditPolicy POLICY = AuditPolicy.acsm();
    static final Evidence EVIDENCE = new Evidence(List.of(), Map.of(), new CecCounter(new CecCaps(new BigDecimal("8"),
            new BigDecimal("24"), new BigDecimal("5"))));
    static final UUID DOC = UUID.randomUUID();
    private static final ThreadLocal<List<Audit>> STEPS = new ThreadLocal<>();

    @Test
    void everyEventOfAFullScenarioMatchesItsSchema() throws Exception {
        List<NewEvent> published = scenario();

        assertThat(published.stream().map(NewEvent::type).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                EventTypes.AUDIT_OPENED, EventTypes.AUDIT_EXTENDED, EventTypes.AUDIT_PROOF_SUBMITTED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_OVERDUE, EventTypes.AUDIT_CURED, EventTypes.AUDIT_CLOSED);
        for (NewEvent event : published) {
            assertThat(EventContract.violations(event.type(), JSON.writeValueAsString(event.payload())))
                    .as(event.type()).isEmpty();
        }
    }

    @Test
    void theSchemasRejectMissingFieldsBadDatesAndUnknownValues() throws Exception {
        NewEvent opened = scenario().get(0);
        ObjectNode payload = JSON.valueToTree(opened.payload());

        ObjectNode noReason = payload.deepCopy();
        noReason.remove("reason");
        ObjectNode badDate = payload.deepCopy();
        badDate.put("proofDueOn", "31/03/2027");
        ObjectNode badMethod = payload.deepCopy();
        ((ObjectNode) badMethod.get("selection")).put("method", "LOTTERY");
        ObjectNode leakedSeed = payload.deepCopy();
        ((ObjectNode) leakedSeed.get("selection")).put("seed", "ab".repeat(32));

        for (ObjectNode wrong : List.of(noReason, badDate, badMethod, leakedSeed)) {
            assertThat(EventContract.violations(EventTypes.AUDIT_OPENED, wrong.toString())).isNotEmpty();
        }
    }

    @Test
    void theAddedValidUntilFieldKeepsTheFirstShapesConstructorAndReadsBack() throws Exception {
        AuditClosedV1 old = new AuditClosedV1(UUID.randomUUID(), UUID.randomUUID(), "c", List.of("CPT"), "FAILED",
                "failed on review", java.time.Instant.parse("2027-03-01T12:00:00Z"));
        assertThat(old.validUntil()).isNull();
        assertThat(JSON.readValue(JSON.writeValueAsString(old), AuditClosedV1.class)).isEqualTo(old);
        AuditDecidedV1 decided = new AuditDecidedV1(UUID.randomUUID(), UUID.randomUUID(), "c", List.of("CPT"),
                "PASSED", BigDecimal.TEN, BigDecimal.ZERO, null, null, "a", java.time.Instant.EPOCH,
                LocalDate.of(2030, 12, 31), List.of(UUID.randomUUID()));
        assertThat(JSON.readValue(JSON.writeValueAsString(decided), AuditDecidedV1.class)).isEqualTo(decided);
    }

    /** open → extend → submit → remediation → window passes (overdue) → cured by submission → passed → closed. */
    static List<NewEvent> scenario() {
        return run(new ArrayList<>());
    }

    static List<NewEvent> run(List<Audit> steps) {
        RenewalUnderAudit renewal = new RenewalUnderAudit(UUID.randomUUID(), "c-1", "RENEWAL", List.of("CPT", "GEI"),
                "CPT", 2027, LocalDate.of(2027, 2, 20), LocalDate.of(2024, 5, 10), LocalDate.of(2027, 2, 20),
                new BigDecimal("45"), new BigDecimal("46"), LocalDate.of(2030, 12, 31));
        List<NewEvent> events = new ArrayList<>();
        STEPS.set(steps);
        Audit audit = Audit.open(POLICY, UUID.randomUUID(), renewal,
                Selection.random("sha256:0123456789abcdef", 3, 0, 3, 10, 1, 2), EVIDENCE,
                Fixtures.ny("2027-03-01T12:00"));
        events.addAll(EventPayloads.toNewEvents(audit.state(), audit.changes()));
        steps.add(audit);

        audit = step(audit, events, a -> a.extend(LocalDate.of(2027, 4, 15), "illness", "staff-1",
                Fixtures.ny("2027-03-20T12:00")));
        audit = step(audit, events, a -> a.submit(List.of(item("30"), item("15")), Set.of(DOC), EVIDENCE,
                UUID::randomUUID, Fixtures.ny("2027-04-01T12:00")));
        List<UUID> items = audit.state().items().stream().map(i -> i.itemId()).toList();
        audit = step(audit, events, a -> a.decide(DecisionOutcome.REMEDIATION, "one out of scope",
                List.of(new ItemDecision(items.get(0), true, null), new ItemDecision(items.get(1), false, "scope")),
                EVIDENCE, "auditor-1", Fixtures.ny("2027-04-05T12:00")));
        audit = step(audit, events, a -> a.advance(Fixtures.ny("2027-07-10T12:00")));
        audit = step(audit, events, a -> a.submit(List.of(item("15")), Set.of(DOC), EVIDENCE, UUID::randomUUID,
                Fixtures.ny("2027-08-01T12:00")));
        step(audit, events, a -> a.decide(DecisionOutcome.PASSED, null, null, EVIDENCE, "auditor-1",
                Fixtures.ny("2027-08-05T12:00")));
        return events;
    }

    private static Audit step(Audit audit, List<NewEvent> events, java.util.function.Consumer<Audit> command) {
        Audit stored = Audit.restore(POLICY, audit.state());
        command.accept(stored);
        AuditState state = stored.state();
        events.addAll(EventPayloads.toNewEvents(state, stored.changes()));
        STEPS.get().add(stored);
        return stored;
    }

    private static SubmittedItem item(String cecs) {
        return new SubmittedItem(null, "Workshop", "NSCA", LocalDate.of(2026, 1, 1), new BigDecimal(cecs), "GENERAL",
                List.of(DOC));
    }
}
