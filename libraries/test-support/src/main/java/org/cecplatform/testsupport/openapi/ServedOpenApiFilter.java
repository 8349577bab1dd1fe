package org.cecplatform.testsupport.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A RestAssured filter that checks every response from a service's {@code /api/} against the OpenAPI document that
 * same service serves ({@code /q/openapi}): a status, a media type or a body the document does not describe fails the
 * call with what differs. Requests are not checked (tests send invalid ones on purpose), nor calls to paths the
 * document does not have (a route that does not exist answers 404 whatever the document says).
 */
public final class ServedOpenApiFilter implements Filter {

    /** Messages about the request (its parameters, body, path): the tests' business, not the document's. */
    private static final List<String> NOT_ABOUT_THE_RESPONSE = List.of("validation.request");

    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/api/")) {
            return response;
        }
        ValidationReport report = validatorFor(uri).validateResponse(uri.getRawPath(),
                Request.Method.valueOf(request.getMethod().toUpperCase()), RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> NOT_ABOUT_THE_RESPONSE.stream().noneMatch(message.getKey()::startsWith))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + uri.getRawPath() + " ("
                    + response.getStatusCode() + ") is not what the served OpenAPI document says:\n"
                    + String.join("\n", errors.stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                    .toList()) + "\nbody: " + response.asString());
        }
        return response;
    }

    /** One validator per running service (its scheme, host and port), from the document it serves. */
    private OpenApiInteractionValidator validatorFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        return validators.computeIfAbsent(origin, o -> OpenApiInteractionValidator
                .createForInlineApiSpecification(servedDocument(o))
                .withLevelResolver(LevelResolver.create().build())
                .build());
    }

    private static String servedDocument(String origin) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).GET().build();
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("GET " + get.uri() + " answered " + document.statusCode());
            }
            return document.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document at " + get.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + get.uri(), e);
        }
    }
}
