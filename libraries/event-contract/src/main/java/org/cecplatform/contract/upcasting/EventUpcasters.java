package org.cecplatform.contract.upcasting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every upcaster of the event contract, chained: any version of an event comes out as its latest version. Used where
 * events are read back (a service folding its own streams, a projection rebuild) and where a consumer takes in a topic
 * that carries more than one version of an event, so that code downstream of either reads only the latest.
 */
public final class EventUpcasters {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contract's upcasters; a type appears at most once as {@code fromType}. */
    private static final List<EventUpcaster> ALL = List.of(new CertificationRenewedUpcaster(),
            new CertificationReinstatedUpcaster());

    private static final EventUpcasters CONTRACT = new EventUpcasters(ALL);

    private final Map<String, EventUpcaster> byFromType = new HashMap<>();

    EventUpcasters(List<EventUpcaster> upcasters) {
        for (EventUpcaster upcaster : upcasters) {
            if (byFromType.put(upcaster.fromType(), upcaster) != null) {
                throw new IllegalStateException("two upcasters from " + upcaster.fromType());
            }
        }
    }

    public static EventUpcasters contract() {
        return CONTRACT;
    }

    /** An event's type and JSON body. */
    public record Versioned(String type, String body) {
    }

    /** The latest version of {@code type}: the type itself when nothing upcasts it. */
    public String latestType(String type) {
        String current = type;
        for (EventUpcaster next = byFromType.get(current); next != null; next = byFromType.get(current)) {
            current = next.toType();
        }
        return current;
    }

    /** The event as its latest version; unchanged (the same text) when it already is. */
    public Versioned upcast(String type, String body) {
        if (!byFromType.containsKey(type)) {
            return new Versioned(type, body);
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ObjectNode node)) {
                throw new IllegalArgumentException(type + " is not a JSON object");
            }
            String current = type;
            for (EventUpcaster next = byFromType.get(current); next != null; next = byFromType.get(current)) {
                node = next.upcast(node);
                current = next.toType();
            }
            return new Versioned(current, JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type + " is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
