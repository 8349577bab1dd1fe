package org.cecplatform.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.testsupport.TestKafka;

/**
 * The JSON Schemas of the event contract ({@code schemas/<ce_type>.json} on the class path, draft 2020-12, formats
 * asserted), to check what a service publishes against what the contract promises.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema of one event type, e.g. {@code cec.ledger.CECEarned.v1}; fails the test when there is none. */
    public static JsonSchema of(String type) {
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load);
    }

    /** What the schema of {@code type} finds wrong with {@code json}; empty when it matches. */
    public static Set<ValidationMessage> violations(String type, String json) {
        return of(type).validate(parse(json));
    }

    /** Asserts that a published record matches the schema its {@code ce_type} header names. */
    public static void assertValid(ConsumerRecord<String, String> record) {
        String type = TestKafka.header(record, CloudEventHeaders.TYPE);
        assertThat(violations(type, record.value())).as("%s %s", type, record.value()).isEmpty();
    }

    private static JsonSchema load(String type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("schemas/" + type + ".json")) {
            assertThat(in).as("a JSON Schema for %s in the event contract", type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
