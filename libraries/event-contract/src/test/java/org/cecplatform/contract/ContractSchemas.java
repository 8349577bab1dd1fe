package org.cecplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The contract's JSON Schemas and the services' JSON mapper, for this module's tests. (The services' tests use
 * test-support's {@code EventSchemas}; this module cannot: test-support depends on it, and Maven allows no cycle.)
 */
public final class ContractSchemas {

    /** Serialises the event records as the services' JSON mapper does: ISO dates, not timestamps. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ContractSchemas() {
    }

    /** The schema of one event type, e.g. {@link EventTypes#CEC_EARNED}: {@code schemas/<type>.json}. */
    public static JsonSchema schema(String type) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as(type + " on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
