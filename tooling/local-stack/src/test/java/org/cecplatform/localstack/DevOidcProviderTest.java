package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The development sign-in, over HTTP on the JWKS server as the console uses it: discovery, authorize, code and refresh grants. */
class DevOidcProviderTest {

    private static final String REDIRECT = "http://127.0.0.1:8084/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private JwtKeys keys;
    private JwksServer server;
    private DevOidcProvider provider;
    private String base;

    @BeforeEach
    void start() throws Exception {
        keys = new JwtKeys(dir.resolve("jwt"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new JwksServer(keys, port);
        provider = new DevOidcProvider(minter(), "http://127.0.0.1:" + port, server.url(), "s3cret",
                Clock.systemUTC());
        server.mount(DevOidcProvider.PATH, provider.handler());
        server.start();
        base = provider.authServerUrl();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void discoveryNamesTheEndpointsTheIssuerAndTheStacksKeys() throws Exception {
        JsonNode doc = JSON.readTree(get(base + "/.well-known/openid-configuration").body());
        assertThat(doc.get("issuer").asText()).isEqualTo("cec-platform");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(base + "/authorize");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(base + "/token");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(server.url());
    }

    @Test
    void theAuthorizePageListsTheLocalUsersAsButtons() throws Exception {
        HttpResponse<String> page = get(base + "/authorize?response_type=code&client_id=staff-console&state=xyz&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"sam.staff\"", "value=\"alex.auditor\"", "value=\"C-000001\"",
                "name=\"state\" value=\"xyz\"");
    }

    @Test
    void anotherClientOrARemoteRedirectIsRefused() throws Exception {
        assertThat(get(base + "/authorize?response_type=code&client_id=other&redirect_uri=" + REDIRECT).statusCode()).isEqualTo(400);
        assertThat(get(base + "/authorize?response_type=code&client_id=staff-console&redirect_uri=http://evil.example/")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aCodeBecomesAnAccessTokenForTheServicesAndAnIdTokenForTheConsole() throws Exception {
        JsonNode tokens = exchangeCode(signIn("sam.staff", "n-1"));

        JwtClaims access = verify(tokens.get("access_token").asText(), "cec-platform");
        assertThat(access.getIssuer()).isEqualTo("cec-platform");
        assertThat(access.getSubject()).isEqualTo("sam.staff");
        assertThat(access.getStringListClaimValue("groups")).containsExactly("staff");
        long validity = access.getExpirationTime().getValue() - access.getIssuedAt().getValue();
        assertThat(validity).isEqualTo(DevOidcProvider.TOKEN_VALIDITY.toSeconds());

        JwtClaims id = verify(tokens.get("id_token").asText(), "staff-console");
        assertThat(id.getStringClaimValue("nonce")).isEqualTo("n-1");
        assertThat(id.getStringListClaimValue("groups")).containsExactly("staff");
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
    }

    @Test
    void aCodeWorksOnce() throws Exception {
        String code = signIn("alex.auditor", null);
        assertThat(postToken(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = postToken(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void aRefreshGivesNewTokensAndSpendsTheOldRefreshToken() throws Exception {
        String refresh = exchangeCode(signIn("sam.staff", null)).get("refresh_token").asText();

        HttpResponse<String> refreshed = postToken(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(refreshed.body());
        assertThat(verify(tokens.get("access_token").asText(), "cec-platform").getSubject()).isEqualTo("sam.staff");
        assertThat(tokens.get("refresh_token").asText()).isNotEqualTo(refresh);

        assertThat(postToken(Map.of("grant_type", "refresh_token", "refresh_token", refresh)).statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionLeftAloneForTheIdleTimeoutMustSignInAgain() throws Exception {
        MutableClock clock = new MutableClock();
        server.stop();
        provider = new DevOidcProvider(minter(), base.replace(DevOidcProvider.PATH, ""), server.url(), "s3cret", clock);
        server.mount(DevOidcProvider.PATH, provider.handler());
        server.start();
        String refresh = exchangeCode(signIn("sam.staff", null)).get("refresh_token").asText();

        clock.now = clock.now.plus(DevOidcProvider.IDLE_TIMEOUT).plusSeconds(1);

        assertThat(postToken(Map.of("grant_type", "refresh_token", "refresh_token", refresh)).statusCode()).isEqualTo(400);
    }

    @Test
    void theTokenEndpointWantsTheConsolesSecret() throws Exception {
        String code = signIn("sam.staff", null);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("staff-console", "wrong"))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", REDIRECT))))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- helpers

    /** Clicks the user on the authorize page; returns the code of the redirect. */
    private String signIn(String user, String nonce) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("user", user, "redirect_uri", REDIRECT, "state", "st"));
        if (nonce != null) {
            fields.put("nonce", nonce);
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=st");
        return DevOidcProvider.form(URI.create(location).getRawQuery()).get("code");
    }

    private JsonNode exchangeCode(String code) throws Exception {
        HttpResponse<String> answer = postToken(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> postToken(Map<String, String> fields) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("staff-console", "s3cret"))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JwtClaims verify(String token, String audience) throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(Files.readString(keys.jwksFile()));
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer("cec-platform")
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }

    private TokenMinter minter;

    private java.util.function.Supplier<TokenMinter> minter() throws Exception {
        if (minter == null) {
            minter = TokenMinter.using(keys);
        }
        return () -> minter;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
