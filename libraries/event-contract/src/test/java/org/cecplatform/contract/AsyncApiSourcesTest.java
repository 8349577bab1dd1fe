package org.cecplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each service's AsyncAPI document gives its topic's ce_source as the one consumers accept: the topic owner's. */
class AsyncApiSourcesTest {

    @ParameterizedTest
    @CsvSource({"asyncapi/ledger.yaml, cec.ledger.v1", "asyncapi/renewal.yaml, cec.renewals.v1",
            "asyncapi/audit.yaml, cec.audits.v1", "asyncapi/notices.yaml, cec.notices.v1"})
    void theDocumentedSourceIsTheTopicOwners(String document, String topic) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(document)) {
            assertThat(in).as(document).isNotNull();
            String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(doc).contains("address: " + topic)
                    .contains("const: " + Topics.ownerSource(topic).orElseThrow());
        }
    }
}
