package org.cecplatform.contract.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.contract.ContractSchemas.JSON;
import static org.cecplatform.contract.ContractSchemas.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.upcasting.EventUpcasters;
import org.junit.jupiter.api.Test;

/** Version 1 of the renewal events reads as version 2: what version 1 implies filled in, the rest null. */
class RenewalUpcastersTest {

    private static final String RENEWED_V1 = "{\"renewalId\":\"6a1f0a3e-5d49-4b47-9d1e-8d1f1f6f7e01\","
            + "\"certificantId\":\"c-1\",\"kind\":\"LATE_RENEWAL\",\"credentials\":[\"CPT\",\"GEI\"],\"level\":\"CPT\","
            + "\"renewedOn\":\"2028-03-01\",\"renewedAt\":\"2028-03-01T15:00:00Z\",\"previousCycleStart\":\"2024-05-10\","
            + "\"previousCycleEnd\":\"2027-12-31\",\"cycleStart\":\"2028-01-01\",\"cycleEnd\":\"2030-12-31\","
            + "\"cecsRequired\":45,\"cecsAttested\":45.5,\"cecsTracked\":30.5,\"feeTotal\":110,\"currency\":\"USD\"}";

    private static final String REINSTATED_V1 = "{\"renewalId\":\"6a1f0a3e-5d49-4b47-9d1e-8d1f1f6f7e02\","
            + "\"certificantId\":\"c-2\",\"credentials\":[\"CPT\"],\"level\":\"CPT\",\"reinstatedOn\":\"2029-05-10\","
            + "\"reinstatedAt\":\"2029-05-10T14:00:00Z\",\"lapsedCycleStart\":\"2024-05-10\","
            + "\"lapsedCycleEnd\":\"2027-12-31\",\"gapFrom\":\"2028-01-01\",\"gapTo\":\"2029-05-09\","
            + "\"cycleStart\":\"2029-05-10\",\"cycleEnd\":\"2032-12-31\",\"cecsRequired\":45,\"cecsAttested\":45,"
            + "\"cecsTracked\":12,\"feeTotal\":150,\"currency\":\"USD\",\"countedFrom\":\"2024-05-10\","
            + "\"countedTo\":\"2027-12-31\"}";

    private static JsonNode upcast(String type, String body, String expectedType) throws Exception {
        EventUpcasters.Versioned v = EventUpcasters.contract().upcast(type, body);
        assertThat(v.type()).isEqualTo(expectedType);
        return JSON.readTree(v.body());
    }

    @Test
    void aVersion1RenewalReadsAsVersion2WithWhatItImpliesAndNullForTheRest() throws Exception {
        JsonNode v2 = upcast(EventTypes.CERTIFICATION_RENEWED, RENEWED_V1, EventTypes.CERTIFICATION_RENEWED_V2);

        assertThat(v2.get("kind").asText()).isEqualTo("LATE_RENEWAL");
        assertThat(v2.get("countedFrom").asText()).isEqualTo("2024-05-10"); // absent in v1: the previous start
        assertThat(v2.get("countedTo").asText()).isEqualTo("2028-03-01"); // absent in v1: the renewal day
        assertThat(v2.get("certifications")).hasSize(2);
        JsonNode gei = v2.get("certifications").get(1);
        assertThat(gei.get("certificationId").isNull()).isTrue();
        assertThat(gei.get("credential").asText()).isEqualTo("GEI");
        assertThat(gei.get("previousCycleEnd").asText()).isEqualTo("2027-12-31");
        assertThat(gei.get("cecsTracked").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(gei.get("gapFrom").isNull()).isTrue();
        assertThat(v2.get("payment").get("amount").decimalValue()).isEqualByComparingTo("110");
        assertThat(v2.get("payment").get("currency").asText()).isEqualTo("USD");
        assertThat(v2.get("payment").get("reference").isNull()).isTrue();
        for (String unknown : List.of("attestedSubmitted", "attestedCounted", "feeItems", "cpr", "submittedBy")) {
            assertThat(v2.get(unknown).isNull()).as(unknown).isTrue();
        }
        assertThat(v2.get("cecsAttested").decimalValue()).isEqualByComparingTo("45.5"); // the counted total, kept
        assertThat(schema(EventTypes.CERTIFICATION_RENEWED_V2).validate(v2)).isEmpty();
        assertThat(JSON.treeToValue(v2, CertificationRenewedV2.class).certifications()).hasSize(2);
    }

    @Test
    void aVersion1ReinstatementReadsAsVersion2WithItsGapForEachCredential() throws Exception {
        JsonNode v2 = upcast(EventTypes.CERTIFICATION_REINSTATED, REINSTATED_V1,
                EventTypes.CERTIFICATION_REINSTATED_V2);

        JsonNode cpt = v2.get("certifications").get(0);
        assertThat(cpt.get("previousCycleStart").asText()).isEqualTo("2024-05-10");
        assertThat(cpt.get("gapFrom").asText()).isEqualTo("2028-01-01");
        assertThat(cpt.get("gapTo").asText()).isEqualTo("2029-05-09");
        assertThat(cpt.get("countedTo").asText()).isEqualTo("2027-12-31");
        assertThat(v2.get("payment").get("amount").decimalValue()).isEqualByComparingTo("150");
        assertThat(v2.get("submittedBy").isNull()).isTrue();
        assertThat(schema(EventTypes.CERTIFICATION_REINSTATED_V2).validate(v2)).isEmpty();
    }

    @Test
    void aVersion1ReinstatementWithoutItsWindowCountsTheLapsedCycle() throws Exception {
        String old = REINSTATED_V1.replace(",\"countedFrom\":\"2024-05-10\",\"countedTo\":\"2027-12-31\"", "");
        JsonNode v2 = upcast(EventTypes.CERTIFICATION_REINSTATED, old, EventTypes.CERTIFICATION_REINSTATED_V2);
        assertThat(v2.get("countedFrom").asText()).isEqualTo("2024-05-10");
        assertThat(v2.get("countedTo").asText()).isEqualTo("2027-12-31");
    }

    @Test
    void version2AndOtherTypesAreLeftAsTheyAre() {
        assertThat(EventUpcasters.contract().upcast(EventTypes.CERTIFICATION_RENEWED_V2, "{\"x\":1}").body())
                .isEqualTo("{\"x\":1}");
        assertThat(EventUpcasters.contract().upcast(EventTypes.CERTIFICATION_GRANTED, "{}").type())
                .isEqualTo(EventTypes.CERTIFICATION_GRANTED);
        assertThat(EventUpcasters.contract().latestType(EventTypes.CERTIFICATION_RENEWED))
                .isEqualTo(EventTypes.CERTIFICATION_RENEWED_V2);
    }

    @Test
    void aVersion2RenewalAsServicesSerialiseItMatchesItsSchema() {
        UUID certification = UUID.randomUUID();
        CertificationRenewedV2 renewed = new CertificationRenewedV2(UUID.randomUUID(), "c-1", "RENEWAL",
                List.of("CPT"), "CPT", LocalDate.of(2027, 6, 1), Instant.parse("2027-06-01T14:00:00.123456Z"),
                LocalDate.of(2024, 5, 10), LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 1),
                LocalDate.of(2030, 12, 31), new BigDecimal("45"), new BigDecimal("45"), new BigDecimal("12.5"),
                new BigDecimal("60"), "USD", LocalDate.of(2024, 5, 10), LocalDate.of(2027, 6, 1),
                List.of(new RenewedCertificationV2(certification, "CPT", LocalDate.of(2024, 5, 10),
                        LocalDate.of(2027, 12, 31), new BigDecimal("12.5"), null, null, LocalDate.of(2024, 5, 10),
                        LocalDate.of(2027, 6, 1))),
                new AttestedCecsV2(new BigDecimal("40"), null, null, new BigDecimal("12"), null, null),
                new AttestedCecsV2(new BigDecimal("40"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("8"),
                        BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(new FeeItemV2("Renewal CPT", new BigDecimal("60"))),
                new PaymentV2(new BigDecimal("60"), "USD", "pay-1"),
                new CprCardV2("Red Cross", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), true), "c-1");
        assertThat(schema(EventTypes.CERTIFICATION_RENEWED_V2).validate(JSON.valueToTree(renewed))).isEmpty();

        JsonNode broken = JSON.valueToTree(new CertificationRenewedV2(renewed.renewalId(), "c-1", "RENEWAL",
                List.of("CPT"), "CPT", renewed.renewedOn(), renewed.renewedAt(), renewed.previousCycleStart(),
                renewed.previousCycleEnd(), renewed.cycleStart(), renewed.cycleEnd(), renewed.cecsRequired(),
                renewed.cecsAttested(), renewed.cecsTracked(), renewed.feeTotal(), "USD", null, null, List.of(),
                null, null, null, null, null, null));
        assertThat(schema(EventTypes.CERTIFICATION_RENEWED_V2).validate(broken)).isNotEmpty();
    }
}
