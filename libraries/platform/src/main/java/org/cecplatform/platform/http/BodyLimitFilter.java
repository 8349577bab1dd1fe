package org.cecplatform.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.cecplatform.platform.api.Problem;

/**
 * Holds every request body to its route's limit before anything reads it. A declared {@code Content-Length} over the
 * limit is answered 413 at once (the body is never read, the connection is closed after the answer). A body without
 * a length (chunked) is counted here as it arrives and refused at the first chunk past the limit, then handed to the
 * resource as the request's body; a chunked multipart upload goes to a temporary file instead and is measured there
 * (the document upload), and {@link CountingBodyLimit} counts every entity read as a second line.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Where the counting part finds the request's limit. */
    static final String LIMIT_KEY = "cec.body-limit";

    private final BodyLimits limits;
    private final ObjectMapper json;

    BodyLimitFilter(BodyLimitConfig config, ObjectMapper json) {
        this.limits = BodyLimits.of(config);
        this.json = json;
    }

    void install(@Observes Router router) {
        // Before every other route of the API port (the management port has its own router and limits).
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long max = limits.maxBytes(request.path());
        ctx.put(LIMIT_KEY, max);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > max) {
            reject(ctx, max);
            return;
        }
        if (length == null && isChunked(request) && !isMultipart(request)) {
            readCounted(ctx, max);
            return;
        }
        ctx.next();
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /**
     * Reads a chunked body, keeping at most {@code max} bytes: past that it is refused (413) and the rest discarded;
     * otherwise the resource gets it as the request's body (RESTEasy Reactive reads a body a route already read).
     */
    private void readCounted(RoutingContext ctx, long max) {
        HttpServerRequest request = ctx.request();
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                reject(ctx, max);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(done -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec answers a malformed length itself
        }
    }

    private void reject(RoutingContext ctx, long max) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + BodyTooLargeException.TYPE_SLUG, "Payload too large", 413,
                BodyTooLargeException.detail(max), ctx.request().path(), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Whatever of the body is already on its way is discarded, not kept; the connection closes after the answer,
        // so the rest is never read.
        ctx.request().handler(ignored -> { });
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
