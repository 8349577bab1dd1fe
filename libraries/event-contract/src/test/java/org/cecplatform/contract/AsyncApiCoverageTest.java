package org.cecplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type the product has ({@link EventTypes}, read by reflection, so a type added later is checked too) is a
 * message of its topic's AsyncAPI document: named by its type, with the type's JSON Schema as its payload (the schema
 * the services' tests check real messages against, {@code EventSchemas}), and published on the topic's channel.
 */
class AsyncApiCoverageTest {

    /** The topic family of a type ({@code cec.<family>.<Event>.v<n>}) and the document that describes its topic. */
    private static final Map<String, String> DOCUMENTS = Map.of("ledger", "asyncapi/ledger.yaml",
            "renewals", "asyncapi/renewal.yaml", "audits", "asyncapi/audit.yaml", "notices", "asyncapi/notices.yaml");

    static Stream<String> eventTypes() {
        return Arrays.stream(EventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(AsyncApiCoverageTest::valueOf);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeIsAMessageOfItsTopicsDocumentWithItsSchema(String type) throws IOException {
        String family = type.split("\\.")[1];
        assertThat(DOCUMENTS).as("the AsyncAPI document of " + type).containsKey(family);
        String document = read(DOCUMENTS.get(family));

        Matcher message = Pattern.compile("\\n {4}(\\w+):\\n {6}name: " + Pattern.quote(type) + "\\n")
                .matcher(document);
        assertThat(message.find()).as(DOCUMENTS.get(family) + " has a message named " + type).isTrue();
        assertThat(document).as("the channel and the operation list " + message.group(1))
                .contains("$ref: '#/components/messages/" + message.group(1) + "'");
        assertThat(document).contains("$ref: '../schemas/" + type + ".json'");
        assertThat(getClass().getClassLoader().getResource("schemas/" + type + ".json"))
                .as("the JSON Schema of " + type).isNotNull();
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
