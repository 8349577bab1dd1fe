package org.cecplatform.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the stack's JWKS ({@link JwtKeys#jwksFile()}) on 127.0.0.1, as an identity provider would: the services read
 * their verification keys from it (JWT_JWKS_LOCATION). The file is read on every request, so a rotation by {@code
 * deploy/token.sh --rotate} (another process) is served at once; each answer may be cached for {@link
 * #MAX_AGE_SECONDS} (Cache-Control), the longest a service keeps a removed key in its copy of the set.
 */
final class JwksServer {

    static final String PATH = "/jwks.json";
    static final int MAX_AGE_SECONDS = 60;

    private final JwtKeys keys;
    private final int port;
    private final ClientCredentialsGrant grant;
    private HttpServer server;
    private final Map<String, HttpHandler> mounted = new LinkedHashMap<>();

    JwksServer(JwtKeys keys, int port) {
        this.keys = keys;
        this.port = port;
        this.grant = new ClientCredentialsGrant(keys);
    }

    int port() {
        return port;
    }

    /** The identity provider's base URL (OIDC_AUTH_SERVER_URL); its token endpoint is {@code /token}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The notification-service's client secret at this identity provider (OIDC_CLIENT_SECRET). */
    String clientSecret() {
        return grant.secret();
    }

    String url() {
        return "http://127.0.0.1:" + port + PATH;
    }

    /** Serves {@code handler} under {@code path} too, from the next {@link #start()} (the dev sign-in, say). */
    synchronized void mount(String path, HttpHandler handler) {
        mounted.put(path, handler);
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext(PATH, this::answer);
        // The services' own logins (client credentials): the notification-service's token for renewal-service.
        http.createContext(ClientCredentialsGrant.PATH, grant::answer);
        mounted.forEach(http::createContext);
        http.start();
        server = http;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = Files.readAllBytes(keys.jwksFile());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=" + MAX_AGE_SECONDS);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
