package org.cecplatform.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jose4j.jwt.JwtClaims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * A development OpenID Connect provider for the local stack's web sign-in (the staff console), mounted under
 * {@link #PATH} on the {@link JwksServer}: a discovery document, an authorize page listing the local users to click
 * (authorization-code flow), and a token endpoint for the code and refresh grants. Tokens are signed with the stack's
 * key ({@link TokenMinter}): the access token is what the services accept (issuer and audience cec-platform, the role
 * in {@code groups}), the id token names the console's client id as its audience. Local only: there is no password,
 * anyone who reaches 127.0.0.1 may sign in as any local user.
 *
 * <p>Sessions end: an access or id token lives {@link #TOKEN_VALIDITY}, a refresh token {@link #IDLE_TIMEOUT}, each
 * refresh hands out a new one (the old one is spent), so a session left alone for the idle timeout must sign in again.
 * A test may shorten both ({@link #lifetimes}) to see the console refresh and time out within seconds.
 */
final class DevOidcProvider {

    static final String PATH = "/oidc";
    static final String CLIENT_ID = "staff-console";
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration CODE_VALIDITY = Duration.ofMinutes(2);

    /** The local users offered on the authorize page: one per kind of person who may try the console. */
    record User(String subject, String role, String description) {
    }

    static final List<User> USERS = List.of(
            new User("sam.staff", "staff", "Staff member (certification office)"),
            new User("alex.auditor", "auditor", "Auditor"),
            new User("C-000001", "certificant", "Certificant C-000001 (may not use the console)"));

    private record Grant(User user, String nonce, String redirectUri, Instant expires) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<TokenMinter> minter; // the current signing key each time: tokens follow a rotation
    private final String baseUrl;
    private final String jwksUrl;
    private final String clientSecret;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration tokenValidity = TOKEN_VALIDITY;
    private volatile Duration idleTimeout = IDLE_TIMEOUT;

    DevOidcProvider(Supplier<TokenMinter> minter, String serverUrl, String jwksUrl, String clientSecret, Clock clock) {
        this.minter = minter;
        this.baseUrl = serverUrl + PATH;
        this.jwksUrl = jwksUrl;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** How long tokens issued from now on live: access and id token, and the refresh token (the idle timeout). */
    void lifetimes(Duration token, Duration idle) {
        this.tokenValidity = token;
        this.idleTimeout = idle;
    }

    /** A random client secret for the console of one stack run. */
    static String newClientSecret() {
        return randomToken();
    }

    /** What the console is told to use (OIDC_AUTH_SERVER_URL): discovery is below it. */
    String authServerUrl() {
        return baseUrl;
    }

    String clientSecret() {
        return clientSecret;
    }

    HttpHandler handler() {
        return exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(PATH.length());
                String method = exchange.getRequestMethod();
                switch (path) {
                    case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
                    case "/authorize" -> {
                        if ("GET".equals(method)) {
                            authorizePage(exchange);
                        } else if ("POST".equals(method)) {
                            authorize(exchange);
                        } else {
                            exchange.sendResponseHeaders(405, -1);
                        }
                    }
                    case "/token" -> {
                        if ("POST".equals(method)) {
                            token(exchange);
                        } else {
                            exchange.sendResponseHeaders(405, -1);
                        }
                    }
                    case "/logout" -> logout(exchange);
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            }
        };
    }

    Map<String, Object> discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", TokenMinter.ISSUER);
        doc.put("authorization_endpoint", baseUrl + "/authorize");
        doc.put("token_endpoint", baseUrl + "/token");
        doc.put("end_session_endpoint", baseUrl + "/logout");
        doc.put("jwks_uri", jwksUrl);
        doc.put("response_types_supported", List.of("code"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("scopes_supported", List.of("openid"));
        return doc;
    }

    private void authorizePage(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || !isLocal(q.get("redirect_uri"))) {
            html(exchange, 400, "<p>Unknown client, response type or redirect address.</p>");
            return;
        }
        StringBuilder page = new StringBuilder("""
                <h1>Local sign-in</h1>
                <p>Development provider of the local stack: choose who you are.</p>
                <form method="post" action="%s/authorize">
                """.formatted(PATH));
        for (String field : List.of("redirect_uri", "state", "nonce")) {
            page.append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
                    .append(escape(q.getOrDefault(field, ""))).append("\">\n");
        }
        for (User user : USERS) {
            page.append("<p><button type=\"submit\" name=\"user\" value=\"").append(escape(user.subject())).append("\">")
                    .append(escape(user.subject())).append("</button> ").append(escape(user.description())).append("</p>\n");
        }
        html(exchange, 200, page.append("</form>").toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        User user = USERS.stream().filter(u -> u.subject().equals(f.get("user"))).findFirst().orElse(null);
        String redirect = f.get("redirect_uri");
        if (user == null || !isLocal(redirect)) {
            html(exchange, 400, "<p>Unknown user or redirect address.</p>");
            return;
        }
        String code = randomToken();
        codes.put(code, new Grant(user, f.get("nonce"), redirect, clock.instant().plus(CODE_VALIDITY)));
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (f.get("state") == null ? "" : "&state=" + URLEncoder.encode(f.get("state"), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** Sign-out: the console forgot its session already; back to where it asks (the provider keeps no session). */
    private void logout(HttpExchange exchange) throws IOException {
        String back = form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        if (!isLocal(back)) {
            html(exchange, 200, "<p>Signed out.</p>");
            return;
        }
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, f)) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Grant grant = switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant g = codes.remove(f.getOrDefault("code", "")); // single use
                yield g != null && g.redirectUri().equals(f.get("redirect_uri")) ? g : null;
            }
            case "refresh_token" -> refreshTokens.remove(f.getOrDefault("refresh_token", "")); // spent by the refresh
            default -> null;
        };
        if (grant == null || grant.expires().isBefore(clock.instant())) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        json(exchange, 200, tokens(grant));
    }

    /** Access, id and refresh token for the grant's user; the refresh token is good for the idle timeout. */
    Map<String, Object> tokens(Grant grant) {
        User user = grant.user();
        Duration validity = tokenValidity;
        Duration idle = idleTimeout;
        JwtClaims access = TokenMinter.claims(user.role(), user.subject(), validity);
        access.setAudience(TokenMinter.AUDIENCE);
        JwtClaims id = TokenMinter.claims(user.role(), user.subject(), validity);
        id.setAudience(CLIENT_ID);
        id.setClaim("name", user.description());
        if (grant.nonce() != null && !grant.nonce().isBlank()) {
            id.setClaim("nonce", grant.nonce());
        }
        String refresh = randomToken();
        refreshTokens.put(refresh, new Grant(user, null, grant.redirectUri(), clock.instant().plus(idle)));
        Map<String, Object> answer = new LinkedHashMap<>();
        TokenMinter signer = minter.get();
        answer.put("access_token", signer.sign(access));
        answer.put("id_token", signer.sign(id));
        answer.put("refresh_token", refresh);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", validity.toSeconds());
        answer.put("refresh_expires_in", idle.toSeconds());
        return answer;
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> f) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && CLIENT_ID.equals(urlDecode(decoded.substring(0, colon)))
                    && clientSecret.equals(urlDecode(decoded.substring(colon + 1)));
        }
        return CLIENT_ID.equals(f.get("client_id")) && clientSecret.equals(f.get("client_secret"));
    }

    /** Only the console on this machine may receive codes. */
    static boolean isLocal(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        try {
            URI uri = URI.create(redirectUri);
            return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            fields.putIfAbsent(name, eq < 0 ? "" : urlDecode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static String urlDecode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local sign-in</title></head><body>"
                + body + "</body></html>";
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
