package org.cecplatform.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.upcasting.EventUpcasters;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;
import org.junit.jupiter.api.Test;

/** How one stored event becomes an entry of a person's history (no database needed). */
class PersonHistoryEntryTest {

    private static final StoredJson JSON = new StoredJson(new ObjectMapper().findAndRegisterModules());
    private static final String RENEWED_V1 = "{\"renewalId\":\"" + UUID.randomUUID() + "\",\"certificantId\":\"C-1\","
            + "\"kind\":\"RENEWAL\",\"credentials\":[\"CPT\"],\"level\":\"CPT\",\"renewedOn\":\"2027-06-01\","
            + "\"renewedAt\":\"2027-06-01T14:00:00Z\",\"previousCycleStart\":\"2024-05-10\","
            + "\"previousCycleEnd\":\"2027-12-31\",\"cycleStart\":\"2028-01-01\",\"cycleEnd\":\"2030-12-31\","
            + "\"cecsRequired\":45,\"cecsAttested\":45.0,\"cecsTracked\":12.5,\"feeTotal\":60.00,\"currency\":\"USD\"}";

    private static StoredEvent stored(String type, String topic, String payload) {
        return new StoredEvent(7, UUID.randomUUID(), "C-1", 3, type, topic, "C-1",
                Instant.parse("2027-06-01T14:00:00Z"), payload);
    }

    @Test
    void anEventRecordedAsAnOlderVersionIsDescribedAsItsLatestAndShownWithTheTypeItWasPublishedWith() {
        StoredEvent v1 = stored(EventTypes.CERTIFICATION_RENEWED, Topics.RENEWALS, RENEWED_V1);
        List<String> described = new ArrayList<>();
        EventDescriber describer = event -> {
            described.add(event.type());
            Map<?, ?> payload = event.payload(Map.class);
            return new EventDescription((String) payload.get("submittedBy"), "renewed " + payload.get("credentials"));
        };

        HistoryEntry entry = PersonHistory.entry(v1, describer, EventUpcasters.contract(), JSON);

        assertThat(described).containsExactly(EventTypes.CERTIFICATION_RENEWED_V2);
        assertThat(entry).isEqualTo(new HistoryEntry(v1.eventId(), v1.occurredAt(), EventTypes.CERTIFICATION_RENEWED,
                true, null, "renewed [CPT]"));
    }

    @Test
    void aPrivateEventIsNotPublished_anUnknownTypeIsNamedByItsType() {
        StoredEvent privateEvent = stored("audit.ItemsReviewed.v1", null, "{\"reviews\":[]}");

        HistoryEntry entry = PersonHistory.entry(privateEvent, event -> EventDescription.unknown(event.type()),
                EventUpcasters.contract(), JSON);

        assertThat(entry.published()).isFalse();
        assertThat(entry.actor()).isNull();
        assertThat(entry.summary()).isEqualTo("audit.ItemsReviewed.v1");
    }
}
