package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditState;
import org.junit.jupiter.api.Test;

/** The audit state is stored as JSON: every field, including undecided (null) verdicts, must survive the trip. */
class StoredStateTest {

    @Test
    void givenAuditsAtEveryStepOfAScenario_whenWrittenAndReadAsJson_thenTheStateIsUnchanged() throws Exception {
        var mapper = EventSchemasTest.JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Audit> steps = EventSchemasTestScenario.steps();

        for (Audit audit : steps) {
            AuditState state = audit.state();
            String json = mapper.writeValueAsString(state);
            assertThat(mapper.readValue(json, AuditState.class)).as(json).isEqualTo(state);
        }
        assertThat(steps).extracting(a -> a.status().name())
                .contains("OPEN", "SUBMITTED", "REMEDIATION", "OVERDUE", "PASSED");
    }
}
