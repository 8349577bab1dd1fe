package org.cecplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** What every service's person history is checked for beyond its own events. */
public final class HistoryChecks {

    private HistoryChecks() {
    }

    /**
     * The published entries of a history page are exactly the person's records on {@code topic}: the same ids (the
     * {@code ce_id} consumers deduplicate on), in the same order.
     */
    public static void publishedAsOnKafka(JsonPath history, String topic, String certificantId) {
        List<String> published = new ArrayList<>();
        List<Boolean> flags = history.getList("events.published", Boolean.class);
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i)) {
                published.add(history.getString("events[" + i + "].eventId"));
            }
        }
        assertThat(published).as("the ids of the published entries, as ce_id on " + topic)
                .containsExactlyElementsOf(TestKafka.eventIds(topic, certificantId, published.size()));
    }
}
