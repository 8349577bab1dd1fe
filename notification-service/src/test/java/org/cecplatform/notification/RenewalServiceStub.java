package org.cecplatform.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cecplatform.testsupport.TestTokens;

/**
 * Stands in for the identity provider and renewal-service, over real HTTP: {@code POST /token} answers the
 * client-credentials grant of {@code notification-service} with a token minted with the tests' key (role
 * {@code notifier}); {@code GET /api/v1/certificants/{id}/certifications} answers what a test put for that person,
 * and only to a caller bearing that token.
 */
public class RenewalServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_SECRET = "notifier-test-secret";
    private static final Map<String, String> CERTIFICATIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    private static volatile String token;
    private HttpServer server;

    /** renewal-service's answer for the person from now on (the body of GET .../certifications). */
    static void certifications(String certificantId, String json) {
        CERTIFICATIONS.put(certificantId, json);
    }

    static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/api/v1/certificants/", this::certifications);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.renewal-service.url", url, "quarkus.oidc-client.auth-server-url", url,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean client = form.contains("grant_type=client_credentials")
                && (form.contains("client_secret=" + CLIENT_SECRET) || (basic != null && basic.startsWith("Basic ")));
        if (!client) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        TOKENS_ISSUED.incrementAndGet();
        token = TestTokens.token("notifier", "notification-service");
        answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void certifications(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.substring("/api/v1/certificants/".length(), path.length() - "/certifications".length());
        if (token == null || !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String body = CERTIFICATIONS.get(id);
        answer(exchange, 200, body != null ? body : "{\"certificantId\":\"" + id + "\",\"certifications\":[]}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
