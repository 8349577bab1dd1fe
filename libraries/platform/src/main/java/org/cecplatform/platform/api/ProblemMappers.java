package org.cecplatform.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cecplatform.platform.persistence.DatabaseFailures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem body. Bad input is 400 (unreadable) or 422 (readable but invalid),
 * a passing outage 503 with Retry-After, anything else a logged 500 (a bug).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(ProblemException.invalid("The request has invalid fields.", violations).toProblem(path(uri)));
    }

    /** Syntactically broken JSON: nothing could be read. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(StreamReadException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                "The body is not valid JSON: " + e.getOriginalMessage(), path(uri), List.of()));
    }

    /** Valid JSON with a field of the wrong type or an unknown enum value: 422 naming the field. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = fieldOf(e);
        if (field.isEmpty()) {
            return respond(new Problem(Problem.TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                    "The body could not be read: " + e.getOriginalMessage(), path(uri), List.of()));
        }
        String message = e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants())
                : "has the wrong type or format";
        return respond(ProblemException.invalid("The request has invalid fields.",
                List.of(new Problem.Violation(field, message))).toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 2)
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                "The body could not be read: " + e.getOriginalMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("Your role does not allow this, or the record is not yours.")
                .toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps its own failures in a 400; unwrap them to say what was wrong and where.
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e.getCause() instanceof StreamReadException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return otherJson(other, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z]+", "-");
        return respond(new Problem(Problem.TYPE_PREFIX + slug, title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isTransient(e)) {
            LOG.warnf("service unavailable for %s: %s", path(uri), e.toString());
            Problem problem = new Problem(Problem.TYPE_PREFIX + "unavailable", "Service unavailable", 503,
                    "A backing service is unreachable; nothing was changed. Try again shortly.", path(uri), List.of());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(problem).build();
        }
        if (DatabaseFailures.isUnstorableInput(e)) {
            // The database refused a value the validation let through (a NUL character, an out-of-range number):
            // the client's data, not a defect of the service; the transaction rolled back, nothing changed.
            LOG.warnf("unstorable input on %s: %s", path(uri), e.toString());
            return respond(ProblemException.invalid("The request holds a value that cannot be stored"
                    + " (e.g. a NUL character or a number out of range).", List.of()).toProblem(path(uri)));
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal", "Internal error", 500,
                "An unexpected error occurred; it has been logged.", path(uri), List.of()));
    }

    private Response unauthenticated(UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Unauthorized", 401,
                "A valid bearer token is required.", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(problem).build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** {@code create.request.items[0].title} → {@code items[0].title}: the field as the client named it. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
