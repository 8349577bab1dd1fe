package org.cecplatform.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.renew;
import static org.cecplatform.renewal.Fixtures.requestRenewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON this service publishes is what its JSON Schemas (the public contract) say. */
@QuarkusTest
class EventSchemaTest {

    /** What the service publishes now: renewals and reinstatements as version 2, and the requests' payment process. */
    private static final List<String> TYPES = List.of(EventTypes.CERTIFICATION_GRANTED,
            EventTypes.CERTIFICATION_RENEWED_V2, EventTypes.CERTIFICATION_REINSTATED_V2,
            EventTypes.CERTIFICATION_STATUS_CHANGED, EventTypes.RENEWAL_PAYMENT_REQUESTED,
            EventTypes.PENDING_RENEWAL_EXPIRED);
    /** What older records on the topic hold, still documented beside version 2. */
    private static final List<String> EARLIER_TYPES = List.of(EventTypes.CERTIFICATION_RENEWED,
            EventTypes.CERTIFICATION_REINSTATED);

    @Inject
    ServiceClock clock;
    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void everyEventPublishedMatchesItsSchema() throws Exception {
        clock.set(newYork("2027-06-01T10:00"));
        String renewing = newPerson();
        grant(renewing, "CPT", "2024-05-10").statusCode(201);
        renew(renewing, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(200);
        String expiring = newPerson();
        grant(expiring, "CPT", "2024-05-10").statusCode(201);
        requestRenewal(expiring, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(202);

        clock.set(newYork("2029-05-10T10:00"));
        String reinstating = newPerson();
        grant(reinstating, "CPT", "2024-05-10").statusCode(201); // already lapsed: GRACE, LAPSED published
        renew(reinstating, form(List.of("CPT"), "45", "2029-01-10", "2031-01-10"))
                .statusCode(200);
        Fixtures.runJob("pending-renewals").statusCode(200); // the unpaid request of 2027 expires

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.addAll(Fixtures.published(renewing, EventTypes.CERTIFICATION_RENEWED_V2, 1));
        records.addAll(Fixtures.published(renewing, EventTypes.CERTIFICATION_GRANTED, 1));
        records.addAll(Fixtures.published(reinstating, EventTypes.CERTIFICATION_STATUS_CHANGED, 3));
        records.addAll(Fixtures.published(reinstating, EventTypes.CERTIFICATION_REINSTATED_V2, 1));
        records.addAll(Fixtures.published(reinstating, EventTypes.RENEWAL_PAYMENT_REQUESTED, 1));
        records.addAll(Fixtures.published(expiring, EventTypes.PENDING_RENEWAL_EXPIRED, 1));
        assertThat(records).hasSize(8);

        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = TestKafka.header(record, CloudEventHeaders.TYPE);
            Set<ValidationMessage> errors = EventSchemas.of(type).validate(json.readTree(record.value()));
            assertThat(errors).as(type + ": " + record.value()).isEmpty();
            seen.add(type);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(TYPES);
    }

    @Test
    void theSchemasRejectWhatBreaksTheContract() throws Exception {
        String renewed = "{\"renewalId\":\"" + UUID.randomUUID() + "\",\"certificantId\":\"c-1\","
                + "\"kind\":\"RENEWAL\",\"credentials\":[\"CPT\"],\"level\":\"CPT\",\"renewedOn\":\"2027-06-01\","
                + "\"renewedAt\":\"2027-06-01T14:00:00Z\",\"previousCycleStart\":\"2024-05-10\","
                + "\"previousCycleEnd\":\"2027-12-31\",\"cycleStart\":\"2028-01-01\",\"cycleEnd\":\"2030-12-31\","
                + "\"cecsRequired\":45,\"cecsAttested\":45,\"cecsTracked\":30.5,\"feeTotal\":60,\"currency\":\"USD\"}";
        JsonSchema schema = EventSchemas.of(EventTypes.CERTIFICATION_RENEWED);
        assertThat(schema.validate(json.readTree(renewed))).isEmpty();

        ObjectNode broken = (ObjectNode) json.readTree(renewed);
        broken.remove("cycleEnd");
        broken.put("kind", "REINSTATEMENT");
        broken.put("renewedOn", "01/06/2027");
        assertThat(schema.validate(broken)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).contains("/kind", "/renewedOn", "");

        JsonNode status = json.readTree("{\"certificationId\":\"" + UUID.randomUUID() + "\",\"certificantId\":\"c\","
                + "\"credential\":\"CPT\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\",\"reason\":\"x\","
                + "\"effectiveOn\":\"2028-01-01\",\"changedAt\":\"2028-01-01T10:00:00Z\"}");
        assertThat(EventSchemas.of(EventTypes.CERTIFICATION_STATUS_CHANGED).validate(status)).hasSize(1);
    }

    @Test
    void theAsyncApiDocumentNamesTheTopicAndEveryEvent() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/renewal.yaml")) {
            assertThat(in).isNotNull();
            String doc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(doc).contains("asyncapi: 3.0.0").contains("address: cec.renewals.v1");
            for (String type : java.util.stream.Stream.concat(TYPES.stream(), EARLIER_TYPES.stream()).toList()) {
                assertThat(doc).contains(type).contains("../schemas/" + type + ".json");
            }
        }
    }
}
