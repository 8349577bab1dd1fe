package org.cecplatform.console.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonTimelineTest {

    private static HistoryPage.Event event(String type, String at) {
        return new HistoryPage.Event(type + "-id", Instant.parse(at), type, true, "sam.staff", type);
    }

    @Test
    void theServicesEventsAreMergedByTimeAndAServicesOwnOrderHoldsAtTheSameInstant() {
        Map<String, PersonTimeline.Read> byService = new LinkedHashMap<>();
        byService.put("ledger", new PersonTimeline.Read(List.of(event("CECEarned", "2026-12-01T10:00:05Z"),
                event("CECVoided", "2026-12-01T10:00:09Z")), 2));
        byService.put("renewal", new PersonTimeline.Read(List.of(event("Granted", "2026-12-01T10:00:00Z"),
                event("StatusChanged", "2026-12-01T10:00:09Z"), event("Renewed", "2026-12-01T10:00:09Z")), 3));
        byService.put("audit", new PersonTimeline.Read(List.of(), 0));

        List<PersonTimeline.Entry> merged = PersonTimeline.merge(byService);

        assertThat(merged).extracting(PersonTimeline.Entry::type)
                .containsExactly("Granted", "CECEarned", "CECVoided", "StatusChanged", "Renewed");
        assertThat(merged).extracting(PersonTimeline.Entry::service)
                .containsExactly("renewal", "ledger", "ledger", "renewal", "renewal");
        assertThat(merged.get(0).when()).isEqualTo("2026-12-01 10:00:00 UTC");
    }

    @Test
    void aServiceIsReadPageByPageUntilItsTotalIsReached() {
        List<Integer> asked = new ArrayList<>();
        PersonTimeline.Read read = PersonTimeline.readAll(page -> {
            asked.add(page);
            int count = page < 2 ? PersonTimeline.FETCH_SIZE : 3;
            List<HistoryPage.Event> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(event("E" + page + "-" + i, "2026-12-01T10:00:00Z"));
            }
            return new HistoryPage("C-1", events, page, PersonTimeline.FETCH_SIZE, 2L * PersonTimeline.FETCH_SIZE + 3);
        });

        assertThat(asked).containsExactly(0, 1, 2);
        assertThat(read.events()).hasSize(2 * PersonTimeline.FETCH_SIZE + 3);
        assertThat(read.total()).isEqualTo(read.events().size());
    }
}
