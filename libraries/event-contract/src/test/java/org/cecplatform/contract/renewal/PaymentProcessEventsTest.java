package org.cecplatform.contract.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.contract.ContractSchemas.JSON;
import static org.cecplatform.contract.ContractSchemas.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.cecplatform.contract.EventTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The payment process's events (a renewal request waiting for its fee, and expired unpaid): their records, JSON
 * Schemas and AsyncAPI messages say the same thing.
 */
class PaymentProcessEventsTest {

    private static RenewalPaymentRequestedV1 requested() {
        return new RenewalPaymentRequestedV1(UUID.randomUUID(), "c-1", "LATE_RENEWAL", List.of("CSCS", "CPT"),
                new BigDecimal("60.00"), "USD", "RNW-0123456789ABCDEFGHJK", Instant.parse("2028-02-01T15:00:00Z"),
                Instant.parse("2028-02-02T15:00:00Z"), "c-1");
    }

    private static PendingRenewalExpiredV1 expired() {
        return new PendingRenewalExpiredV1(UUID.randomUUID(), "c-1", "RNW-0123456789ABCDEFGHJK",
                Instant.parse("2028-02-02T15:05:00.123456Z"));
    }

    @Test
    void theRecordsAsTheServicesWriteThemMatchTheirSchemas() {
        assertThat(schema(EventTypes.RENEWAL_PAYMENT_REQUESTED).validate(JSON.valueToTree(requested()))).isEmpty();
        assertThat(schema(EventTypes.PENDING_RENEWAL_EXPIRED).validate(JSON.valueToTree(expired()))).isEmpty();
    }

    @Test
    void theSchemasRejectAMissingFigureAnUnknownKindOrAMalformedInstant() {
        ObjectNode noAmount = JSON.valueToTree(requested());
        noAmount.remove("amount");
        assertThat(schema(EventTypes.RENEWAL_PAYMENT_REQUESTED).validate(noAmount)).hasSize(1);
        ObjectNode badKind = JSON.valueToTree(requested());
        badKind.put("kind", "UPGRADE");
        badKind.put("currency", "usd");
        badKind.put("expiresAt", "tomorrow");
        assertThat(schema(EventTypes.RENEWAL_PAYMENT_REQUESTED).validate(badKind)).hasSize(3);
        ObjectNode noReference = JSON.valueToTree(expired());
        noReference.remove("reference");
        noReference.put("renewalId", "not-a-uuid");
        assertThat(schema(EventTypes.PENDING_RENEWAL_EXPIRED).validate(noReference)).hasSize(2);
    }

    @Test
    void eachSchemaDescribesExactlyTheFieldsOfItsRecordAndRequiresThemAll() throws IOException {
        assertSameFields(EventTypes.RENEWAL_PAYMENT_REQUESTED, RenewalPaymentRequestedV1.class);
        assertSameFields(EventTypes.PENDING_RENEWAL_EXPIRED, PendingRenewalExpiredV1.class);
    }

    private static void assertSameFields(String type, Class<? extends Record> record) throws IOException {
        JsonNode schema;
        try (InputStream in = PaymentProcessEventsTest.class.getResourceAsStream("/schemas/" + type + ".json")) {
            schema = JSON.readTree(in);
        }
        List<String> fields = Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> properties = StreamSupport.stream(((Iterable<String>) () -> schema.get("properties")
                .fieldNames()).spliterator(), false).toList();
        List<String> required = StreamSupport.stream(schema.get("required").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(properties).as(type).containsExactlyElementsOf(fields);
        assertThat(required).as(type).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.PENDING_RENEWAL_EXPIRED})
    void theAsyncApiDocumentPublishesEachOnTheRenewalsTopic(String type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/renewal.yaml")) {
            String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(doc).contains("name: " + type).contains("$ref: '../schemas/" + type + ".json'");
            String message = type.replace("cec.renewals.", "").replace(".v1", "");
            String channelKey = Character.toLowerCase(message.charAt(0)) + message.substring(1);
            assertThat(doc).contains("$ref: '#/components/messages/" + message + "'")
                    .contains("- $ref: '#/channels/renewals/messages/" + channelKey + "'");
        }
    }
}
