package org.cecplatform.platform.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.cecplatform.contract.upcasting.EventUpcasters;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;

/**
 * A person's history in this service (SPEC §6): every event of the event log about them, private ones included, oldest
 * first, whichever stream it belongs to, each described in the service's words. A person without events has an empty
 * history, like every other list.
 */
@ApplicationScoped
public class PersonHistory {

    private final EventLog eventLog;
    private final StoredJson json;

    public PersonHistory(EventLog eventLog, StoredJson json) {
        this.eventLog = eventLog;
        this.json = json;
    }

    /** One page of the person's events; the entries keep the type each was published with. */
    @Transactional
    public HistoryPage page(String certificantId, Paging paging, EventDescriber describer) {
        EventUpcasters upcasters = EventUpcasters.contract();
        List<HistoryEntry> entries = eventLog.aboutPerson(certificantId, paging.size(), paging.offset()).stream()
                .map(e -> entry(e, describer, upcasters, json))
                .toList();
        return new HistoryPage(certificantId, entries, paging.page(), paging.size(),
                eventLog.countAboutPerson(certificantId));
    }

    /** One stored event as an entry: described as its latest version, shown with the type it was published with. */
    static HistoryEntry entry(StoredEvent event, EventDescriber describer, EventUpcasters upcasters, StoredJson json) {
        EventDescription description = describer.describe(
                new HistoryEvent(EventLog.latestVersion(event, upcasters), json));
        return new HistoryEntry(event.eventId(), event.occurredAt(), event.type(), event.topic() != null,
                description.actor(), description.summary());
    }
}
