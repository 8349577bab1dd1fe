package org.cecplatform.renewal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's values kept as JSON in {@code jsonb} columns (renewal forms, quotes, fees, attested figures): written
 * and read with the application's own mapper, so a stored value reads back as it was written.
 */
@ApplicationScoped
public class StoredJson {

    private final ObjectMapper json;

    public StoredJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable as " + type.getSimpleName(), e);
        }
    }
}
