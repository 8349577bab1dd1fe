package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cecplatform.audit.application.AuditEventStream;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.junit.jupiter.api.Test;

/**
 * An audit folded from its stream, written as the event log stores it (JSON) and read back, is the audit its commands
 * left, at every step of a scenario through every event type, public and private.
 */
class AuditFoldTest {

    private final StoredJson json = new StoredJson(EventSchemasTest.JSON);
    private final AuditEventStream stream = new AuditEventStream(json);

    @Test
    void givenEveryStepOfAScenario_whenItsStreamSoFarIsFolded_thenItIsTheAuditTheCommandsLeft() {
        List<StoredEvent> stored = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Audit step : EventSchemasTestScenario.steps()) {
            for (NewEvent e : stream.toNewEvents(step.state(), step.recorded())) {
                stored.add(new StoredEvent(stored.size() + 1, e.eventId(), e.aggregateId(), stored.size() + 1,
                        e.type(), e.topic(), e.certificantId(), e.occurredAt(), json.write(e.payload())));
                types.add(e.type());
            }
            Audit folded = Audit.fold(EventSchemasTest.POLICY, null, stream.toDomain(stored)).orElseThrow();
            assertThat(folded.state()).as("after %s", types).isEqualTo(step.state());
            assertThat(folded.recorded()).isEmpty();
        }
        assertThat(types).contains(AuditEventStream.STARTED, AuditEventStream.PROOF_ITEMS_SUBMITTED,
                AuditEventStream.ITEMS_REVIEWED, AuditEventStream.REPLACEMENT_CECS_COUNT);
    }
}
