package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.audit.AuditClosedV1;
import org.cecplatform.contract.audit.AuditDecidedV1;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CecCounter;
import org.cecplatform.testsupport.contract.EventSchemas;
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

    @Test
    void everyEventOfAFullScenarioMatchesItsSchema() throws Exception {
        List<NewEvent> published = EventSchemasTestScenario.events();

        assertThat(published.stream().map(NewEvent::type).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                EventTypes.AUDIT_OPENED, EventTypes.AUDIT_EXTENDED, EventTypes.AUDIT_PROOF_SUBMITTED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_OVERDUE, EventTypes.AUDIT_CURED, EventTypes.AUDIT_CLOSED);
        for (NewEvent event : published) {
            assertThat(EventSchemas.violations(event.type(), JSON.writeValueAsString(event.payload())))
                    .as(event.type()).isEmpty();
        }
    }

    @Test
    void theSchemasRejectMissingFieldsBadDatesAndUnknownValues() throws Exception {
        NewEvent opened = EventSchemasTestScenario.events().get(0);
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
            assertThat(EventSchemas.violations(EventTypes.AUDIT_OPENED, wrong.toString())).isNotEmpty();
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
}
