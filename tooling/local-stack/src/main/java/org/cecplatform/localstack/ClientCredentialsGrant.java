package org.cecplatform.localstack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack's identity provider for services (OAuth2 client credentials, {@code POST /token} beside the JWKS): the
 * notification-service logs in with its client id and the secret the stack gave it (a new one each start) and gets a
 * token of role {@code notifier}, signed with the stack's key, valid an hour. Production uses the real provider.
 */
final class ClientCredentialsGrant {

    static final String PATH = "/token";
    static final String CLIENT_ID = "notification-service";
    static final String ROLE = "notifier";
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final JwtKeys keys;
    private final String secret;

    ClientCredentialsGrant(JwtKeys keys) {
        this.keys = keys;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the notification-service logs in with (OIDC_CLIENT_SECRET). */
    String secret() {
        return secret;
    }

    void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] client = basic(exchange.getRequestHeaders().getFirst("Authorization"));
            String id = client != null ? client[0] : form.get("client_id");
            String given = client != null ? client[1] : form.get("client_secret");
            if (!"client_credentials".equals(form.get("grant_type"))) {
                reply(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            if (!CLIENT_ID.equals(id) || given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = TokenMinter.using(keys).mint(ROLE, CLIENT_ID, VALIDITY);
            reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + VALIDITY.toSeconds() + "}");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign a token", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** id and secret of {@code Authorization: Basic ...}; null when the header is not that. */
    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
