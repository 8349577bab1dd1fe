package org.cecplatform.platform.eventstore;

import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.persistence.StoredJson;

/** An event of a person's history as an {@link EventDescriber} reads it: as its latest version, payload included. */
public final class HistoryEvent {

    private final StoredEvent stored;
    private final StoredJson json;

    HistoryEvent(StoredEvent stored, StoredJson json) {
        this.stored = stored;
        this.json = json;
    }

    /** The event as the event log holds it, upcast to its latest version. */
    public StoredEvent stored() {
        return stored;
    }

    public String type() {
        return stored.type();
    }

    /** The person the event is about (its partition key). */
    public String certificantId() {
        return stored.certificantId();
    }

    /** The payload as {@code type}, read tolerantly (a field more is no error). */
    public <T> T payload(Class<T> type) {
        return json.read(stored.payload(), type);
    }
}
