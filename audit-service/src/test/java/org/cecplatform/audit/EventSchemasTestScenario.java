package org.cecplatform.audit;

import static org.cecplatform.audit.EventSchemasTest.EVIDENCE;
import static org.cecplatform.audit.EventSchemasTest.POLICY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.cecplatform.audit.application.EventPayloads;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.platform.outbox.NewEvent;

/**
 * The full scenario of {@link EventSchemasTest}, through all seven audit event types: open → extend → submit →
 * remediation → window passes (overdue) → cured by submission → passed → closed. Each step restores the audit from
 * its stored state first, as the service does.
 */
final class EventSchemasTestScenario {

    private static final UUID DOC = UUID.randomUUID();

    private final List<Audit> steps = new ArrayList<>();
    private final List<NewEvent> events = new ArrayList<>();

    private EventSchemasTestScenario() {
    }

    /** The audit after each step. */
    static List<Audit> steps() {
        return play().steps;
    }

    /** Every event the scenario publishes, in order. */
    static List<NewEvent> events() {
        return play().events;
    }

    private static EventSchemasTestScenario play() {
        RenewalUnderAudit renewal = new RenewalUnderAudit(UUID.randomUUID(), "c-1", "RENEWAL", List.of("CPT", "GEI"),
                "CPT", 2027, LocalDate.of(2027, 2, 20), LocalDate.of(2024, 5, 10), LocalDate.of(2027, 2, 20),
                new BigDecimal("45"), new BigDecimal("46"), LocalDate.of(2030, 12, 31));
        EventSchemasTestScenario scenario = new EventSchemasTestScenario();
        Audit audit = Audit.open(POLICY, UUID.randomUUID(), renewal,
                Selection.random("sha256:0123456789abcdef", 3, 0, 3, 10, 1, 2), EVIDENCE,
                Fixtures.ny("2027-03-01T12:00"));
        scenario.record(audit);

        audit = scenario.step(audit, a -> a.extend(LocalDate.of(2027, 4, 15), "illness", "staff-1",
                Fixtures.ny("2027-03-20T12:00")));
        audit = scenario.step(audit, a -> a.submit(List.of(item("30"), item("15")), Set.of(DOC), EVIDENCE,
                UUID::randomUUID, Fixtures.ny("2027-04-01T12:00")));
        List<UUID> items = audit.state().items().stream().map(i -> i.itemId()).toList();
        audit = scenario.step(audit, a -> a.decide(DecisionOutcome.REMEDIATION, "one out of scope",
                List.of(new ItemDecision(items.get(0), true, null), new ItemDecision(items.get(1), false, "scope")),
                EVIDENCE, "auditor-1", Fixtures.ny("2027-04-05T12:00")));
        audit = scenario.step(audit, a -> a.advance(Fixtures.ny("2027-07-10T12:00")));
        audit = scenario.step(audit, a -> a.submit(List.of(item("15")), Set.of(DOC), EVIDENCE, UUID::randomUUID,
                Fixtures.ny("2027-08-01T12:00")));
        scenario.step(audit, a -> a.decide(DecisionOutcome.PASSED, null, null, EVIDENCE, "auditor-1",
                Fixtures.ny("2027-08-05T12:00")));
        return scenario;
    }

    private Audit step(Audit audit, Consumer<Audit> command) {
        Audit stored = Audit.restore(POLICY, audit.state());
        command.accept(stored);
        record(stored);
        return stored;
    }

    private void record(Audit audit) {
        events.addAll(EventPayloads.toNewEvents(audit.state(), audit.changes()));
        steps.add(audit);
    }

    private static SubmittedItem item(String cecs) {
        return new SubmittedItem(null, "Workshop", "NSCA", LocalDate.of(2026, 1, 1), new BigDecimal(cecs), "GENERAL",
                List.of(DOC));
    }
}
