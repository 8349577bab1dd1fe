package org.cecplatform.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;

/** Reads incoming records: CloudEvent headers and JSON bodies, turning anything unreadable into a rejection. */
@ApplicationScoped
public class IncomingEvents {

    private final ObjectMapper json;

    public IncomingEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON body as {@code type}; unknown fields are tolerated (tolerant reader), broken JSON is rejected. */
    public <T> T body(ConsumerRecord<String, byte[]> record, Class<T> type) {
        if (record.value() == null || record.value().length == 0) {
            throw new RejectedMessageException("empty message body");
        }
        ObjectReader reader = json.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            T body = reader.readValue(record.value());
            if (body == null) {
                throw new RejectedMessageException("message body is JSON null, not a " + type.getSimpleName());
            }
            return body;
        } catch (IOException e) {
            throw new RejectedMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rejects an event on one of the product's own topics that does not say it comes from the topic's owner: its
     * CloudEvent source ({@code ce_source}) must be the owner's ({@link Topics#ownerSource}). The broker lets only the
     * owner write the topic; this check holds where that permission is missing or too wide, and names what it found.
     * Not for the intake topics: external systems send plain JSON there.
     */
    public void requireTopicOwner(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        String expected = Topics.ownerSource(topic).orElseThrow(() -> new RejectedMessageException(
                "topic " + topic + " has no owner among the product's services: its events cannot be trusted"));
        String found = header(record, CloudEventHeaders.SOURCE);
        if (!expected.equals(found)) {
            throw new RejectedMessageException("an event on " + topic + " must have " + CloudEventHeaders.SOURCE + " "
                    + expected + " (the topic's owner); found " + (found == null ? "none" : found));
        }
    }

    /** The CloudEvent id ({@code ce_id}): what consumers of the product's own topics deduplicate on. */
    public String eventId(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new RejectedMessageException("missing CloudEvent header " + CloudEventHeaders.ID);
        }
        return id;
    }

    /** The CloudEvent type ({@code ce_type}). */
    public String eventType(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new RejectedMessageException("missing CloudEvent header " + CloudEventHeaders.TYPE);
        }
        return type;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
