package org.cecplatform.contract.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.contract.ContractSchemas.JSON;
import static org.cecplatform.contract.ContractSchemas.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.junit.jupiter.api.Test;

/** The ledger's event records, serialised as the services' JSON mapper does, match their published JSON Schemas. */
class LedgerEventSchemasTest {

    static CecEarnedV1 selfReported() {
        return new CecEarnedV1(UUID.randomUUID(), "cert-1", "SELF_REPORTED", false, "GENERAL", "Yoga", "ACE",
                "MAJOR_FITNESS_ORGANIZATION", LocalDate.of(2027, 2, 1),
                new CecEarnedV1.Reported(new BigDecimal("0.5"), "CEU"), new BigDecimal("5.0"), null, null, "cert-1",
                Instant.parse("2027-02-02T10:00:00.123456Z"));
    }

    @Test
    void givenASelfReportedCreditWhenSerialisedThenItMatchesTheCecEarnedSchema() {
        Set<ValidationMessage> errors = schema(EventTypes.CEC_EARNED).validate(JSON.valueToTree(selfReported()));
        assertThat(errors).isEmpty();
    }

    @Test
    void givenAnLmsCollegeCreditWhenSerialisedThenItMatchesTheCecEarnedSchema() {
        CecEarnedV1 college = new CecEarnedV1(UUID.randomUUID(), "cert-1", "STAFF_ENTERED", false, "COLLEGE_COURSE",
                "Kinesiology", "State U", "ACCREDITED_COLLEGE", LocalDate.of(2026, 12, 1),
                new CecEarnedV1.Reported(new BigDecimal("3"), "COLLEGE_CREDIT_HOUR"), new BigDecimal("30"), null, "B+",
                "staff-1", Instant.parse("2027-01-02T10:00:00Z"));
        assertThat(schema(EventTypes.CEC_EARNED).validate(JSON.valueToTree(college))).isEmpty();
    }

    @Test
    void givenAnEventMissingAFieldOrWithAnUnknownUnitThenTheSchemaRejectsIt() {
        JsonSchema earned = schema(EventTypes.CEC_EARNED);
        ObjectNode missing = JSON.valueToTree(selfReported());
        missing.remove("cecs");
        assertThat(earned.validate(missing)).isNotEmpty();
        ObjectNode badUnit = JSON.valueToTree(selfReported());
        ((ObjectNode) badUnit.get("reported")).put("unit", "HOUR");
        assertThat(earned.validate(badUnit)).isNotEmpty();
        ObjectNode badDate = JSON.valueToTree(selfReported());
        badDate.put("completedOn", "02/01/2027");
        assertThat(earned.validate(badDate)).isNotEmpty();
        ObjectNode zero = JSON.valueToTree(selfReported());
        zero.put("cecs", 0);
        assertThat(earned.validate(zero)).isNotEmpty();
    }

    @Test
    void givenAVoidWhenSerialisedThenItMatchesTheCecVoidedSchemaAndAnEmptyReasonDoesNot() {
        CecVoidedV1 voided = new CecVoidedV1(UUID.randomUUID(), "cert-1", "entered twice", "staff-1",
                Instant.parse("2027-02-03T10:00:00Z"), LocalDate.of(2027, 2, 1), "GENERAL", new BigDecimal("5.0"));
        JsonSchema schema = schema(EventTypes.CEC_VOIDED);
        JsonNode json = JSON.valueToTree(voided);
        assertThat(schema.validate(json)).isEmpty();
        ((ObjectNode) json).put("reason", "");
        assertThat(schema.validate(json)).isNotEmpty();
    }
}
