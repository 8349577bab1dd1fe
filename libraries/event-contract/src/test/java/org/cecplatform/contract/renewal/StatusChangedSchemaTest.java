package org.cecplatform.contract.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.contract.ContractSchemas.JSON;
import static org.cecplatform.contract.ContractSchemas.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.junit.jupiter.api.Test;

/** The audit that caused a status change is an additive, nullable field: old bodies without it stay valid. */
class StatusChangedSchemaTest {

    private static CertificationStatusChangedV1 inactive(UUID auditId) {
        return new CertificationStatusChangedV1(UUID.randomUUID(), "c-1", "CPT", "ACTIVE", "INACTIVE",
                "audit: proof overdue", LocalDate.of(2028, 4, 1), Instant.parse("2028-04-01T16:00:00Z"), auditId);
    }

    @Test
    void aStatusChangeNamesTheAuditThatCausedItOrNone() {
        assertThat(schema(EventTypes.CERTIFICATION_STATUS_CHANGED).validate(JSON.valueToTree(
                inactive(UUID.randomUUID())))).isEmpty();
        assertThat(schema(EventTypes.CERTIFICATION_STATUS_CHANGED).validate(JSON.valueToTree(inactive(null))))
                .isEmpty();
        ObjectNode old = JSON.valueToTree(inactive(null));
        old.remove("auditId");
        assertThat(schema(EventTypes.CERTIFICATION_STATUS_CHANGED).validate(old)).isEmpty();
        ObjectNode broken = JSON.valueToTree(inactive(null));
        broken.put("auditId", "not-a-uuid");
        assertThat(schema(EventTypes.CERTIFICATION_STATUS_CHANGED).validate(broken)).hasSize(1);
    }
}
