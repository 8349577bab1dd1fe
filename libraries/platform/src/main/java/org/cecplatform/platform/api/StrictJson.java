package org.cecplatform.platform.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body is one JSON value and nothing after it: {@code {...}}garbage} is malformed (400), not a valid request
 * followed by noise. Jackson stops reading after the first value unless told otherwise; the hostile-input corpus
 * found a self-report with trailing garbage recorded as a credit.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
