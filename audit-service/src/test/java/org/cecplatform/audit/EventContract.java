package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Validates published events against the JSON Schemas of the event contract (schemas/&lt;ce_type&gt;.json). */
final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventContract() {
    }

    static Set<ValidationMessage> violations(String type, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return schema(type).validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(ConsumerRecord<String, String> record) {
        String type = TestKafka.header(record, CloudEventHeaders.TYPE);
        assertThat(violations(type, record.value())).as("%s %s", type, record.value()).isEmpty();
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream("schemas/" + t + ".json")) {
                assertThat(in).as("a JSON Schema for %s in the event contract", t).isNotNull();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
