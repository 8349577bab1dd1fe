package org.cecplatform.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Walks every endpoint a service documents in its OpenAPI and calls it with no token, forged, unsigned and expired
 * tokens, each role, and a certificant on someone else's record; compares each answer with a table kept in the
 * service's test resources. An endpoint missing from the table (or a table row for an endpoint that no longer
 * exists) fails the check, so a new endpoint cannot ship without a decision about who may call it.
 *
 * <p>Table format, one endpoint a line: {@code METHOD /path/{with}/{params}  caller,caller,...} where callers are
 * {@code certificant} (the certificant themself; on {@code /certificants/{id}} paths only their own id, whatever the parameter is called),
 * {@code staff}, {@code auditor}, {@code integration}, {@code notifier}, or {@code nobody}. Allowed callers must get neither 401 nor 403
 * (requests carry placeholder ids and empty bodies, so 404 or 422 are expected answers); every other role must get
 * 403; every call without a valid token must get 401. {@code anyone} marks an endpoint that takes no token because it
 * authenticates the call itself (the payment provider's signed webhook): every caller, with or without a token, must
 * get neither 401 nor 403 nor a 5xx.
 */
public final class AuthorizationMatrix {

    private static final List<String> ROLES = List.of("certificant", "staff", "auditor", "integration", "notifier");
    private static final java.util.regex.Pattern CERTIFICANT_PATH =
            java.util.regex.Pattern.compile("^/api/v1/certificants/\\{[^}]+}");
    private static final String SELF = "matrix-self";
    private static final String OTHER = "matrix-other";

    private final Map<String, Set<String>> allowed;

    private AuthorizationMatrix(Map<String, Set<String>> allowed) {
        this.allowed = allowed;
    }

    public static AuthorizationMatrix fromResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Map<String, Set<String>> table = new LinkedHashMap<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] parts = line.split("\\s+");
                        Set<String> callers = new TreeSet<>(Arrays.asList(parts[2].split(",")));
                        callers.remove("nobody");
                        table.put(parts[0].toUpperCase(Locale.ROOT) + " " + parts[1], callers);
                    });
            return new AuthorizationMatrix(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mismatch found, as readable lines; empty when the service honours the table. */
    public List<String> check() {
        List<String> mismatches = new ArrayList<>();
        Map<String, String> endpoints = documentedEndpoints();
        for (String endpoint : endpoints.keySet()) {
            if (!allowed.containsKey(endpoint)) {
                mismatches.add(endpoint + ": not in the authorization table");
            }
        }
        for (String endpoint : allowed.keySet()) {
            if (!endpoints.containsKey(endpoint)) {
                mismatches.add(endpoint + ": in the table but not in the OpenAPI document");
            }
        }
        endpoints.forEach((endpoint, contentType) -> {
            if (allowed.containsKey(endpoint)) {
                checkEndpoint(endpoint, contentType, allowed.get(endpoint), mismatches);
            }
        });
        return mismatches;
    }

    public int endpointCount() {
        return allowed.size();
    }

    private void checkEndpoint(String endpoint, String contentType, Set<String> callers, List<String> mismatches) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        boolean certificantPath = CERTIFICANT_PATH.matcher(template).lookingAt();
        String ownPath = fill(template, SELF);
        if (callers.contains("anyone")) {
            checkOpenEndpoint(endpoint, method, ownPath, contentType, mismatches);
            return;
        }

        expect(mismatches, endpoint, "no token", call(method, ownPath, contentType, null), 401);
        expect(mismatches, endpoint, "forged token",
                call(method, ownPath, contentType, TestTokens.forged("staff", "forger")), 401);
        expect(mismatches, endpoint, "unsigned token",
                call(method, ownPath, contentType, TestTokens.unsigned("staff", "forger")), 401);
        expect(mismatches, endpoint, "expired token",
                call(method, ownPath, contentType, TestTokens.expired("staff", "staff-1")), 401);
        for (String role : ROLES) {
            int status = call(method, ownPath, contentType, TestTokens.token(role, SELF));
            if (callers.contains(role)) {
                if (status == 401 || status == 403 || status >= 500) {
                    mismatches.add(endpoint + ": " + role + " is allowed but got " + status);
                }
            } else {
                expect(mismatches, endpoint, role, status, 403);
            }
        }
        if (certificantPath && callers.contains("certificant")) {
            expect(mismatches, endpoint, "certificant on someone else's record",
                    call(method, fill(template, OTHER), contentType, TestTokens.certificant(SELF)), 403);
        }
    }

    /** An endpoint that ignores tokens: no caller may be refused for who they are, and none may break it. */
    private static void checkOpenEndpoint(String endpoint, String method, String path, String contentType,
                                          List<String> mismatches) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("forged token", TestTokens.forged("staff", "forger"));
        for (String role : ROLES) {
            tokens.put(role, TestTokens.token(role, SELF));
        }
        tokens.forEach((who, token) -> {
            int status = call(method, path, contentType, token);
            if (status == 401 || status == 403 || status >= 500) {
                mismatches.add(endpoint + ": open to anyone, but " + who + " got " + status);
            }
        });
    }

    private static void expect(List<String> mismatches, String endpoint, String who, int status, int expected) {
        if (status != expected) {
            mismatches.add(endpoint + ": " + who + " expected " + expected + " but got " + status);
        }
    }

    private static int call(String method, String path, String contentType, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (contentType != null && contentType.startsWith("multipart/")) {
            request.multiPart("file", "proof.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                    "application/pdf");
        } else if (contentType != null) {
            request.contentType(contentType).body("{}");
        }
        return request.request(method, path).statusCode();
    }

    /** The certificant's parameter becomes the certificant id; any other a random id that exists nowhere. */
    private static String fill(String template, String certificantId) {
        return CERTIFICANT_PATH.matcher(template).replaceFirst("/api/v1/certificants/" + certificantId)
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** "METHOD /path" → the request content type the operation declares (null without a body). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> documentedEndpoints() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").jsonPath().getMap("paths");
        Map<String, String> endpoints = new LinkedHashMap<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            ((Map<String, Object>) operations).forEach((method, operation) -> {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    return;
                }
                Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) operation).get("requestBody");
                String contentType = body == null ? null
                        : ((Map<String, Object>) body.get("content")).keySet().stream().findFirst().orElse(null);
                endpoints.put(method.toUpperCase(Locale.ROOT) + " " + path, contentType);
            });
        });
        return endpoints;
    }

    @Override
    public String toString() {
        return allowed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
