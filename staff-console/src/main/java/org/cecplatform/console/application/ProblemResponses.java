package org.cecplatform.console.application;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a service's 4xx answer into a {@link ServiceProblem} (its problem body when there is one); 5xx stay errors. */
public class ProblemResponses implements ResponseExceptionMapper<ServiceProblem> {

    // Read by hand: the client's JSON reader is registered for application/json, a problem is application/problem+json.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The problem body's fields the console uses; the services send more. */
    public record Body(String title, String detail, List<ServiceProblem.Violation> violations) {
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500;
    }

    @Override
    public ServiceProblem toThrowable(Response response) {
        Body body = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                body = JSON.readValue(response.readEntity(String.class), Body.class);
            } catch (java.io.IOException | RuntimeException unreadable) {
                body = null; // not a problem body: the status alone says what happened
            }
        }
        String title = body != null && body.title() != null ? body.title() : response.getStatusInfo().getReasonPhrase();
        return new ServiceProblem(response.getStatus(), title, body == null ? null : body.detail(),
                body == null ? List.of() : body.violations());
    }
}
