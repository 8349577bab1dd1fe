package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's JWKS over HTTP: what the services fetch, following a rotation made by another process without a restart. */
class JwksServerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theNotificationServiceGetsANotifierTokenForItsClientCredentialsAndNobodyElseDoes() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        keys.ensure();
        JwksServer server = new JwksServer(keys, Ports.freePort());
        server.start();
        try {
            String basic = java.util.Base64.getEncoder().encodeToString(("notification-service:" + server.clientSecret())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> granted = token(server, "Basic " + basic, "grant_type=client_credentials");
            assertThat(granted.statusCode()).isEqualTo(200);
            String jwt = granted.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            String claims = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(claims).contains("\"sub\":\"notification-service\"").contains("notifier");
            assertThat(token(server, null, "grant_type=client_credentials&client_id=notification-service&client_secret="
                    + server.clientSecret()).statusCode()).isEqualTo(200);
            assertThat(token(server, null, "grant_type=client_credentials&client_id=notification-service"
                    + "&client_secret=guess").statusCode()).isEqualTo(401);
            assertThat(token(server, null, "grant_type=client_credentials&client_id=ledger-service&client_secret="
                    + server.clientSecret()).statusCode()).isEqualTo(401);
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> token(JwksServer server, String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePublishedKeysAndEveryRotationAtOnce() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("jwt"));
        keys.ensure();
        JwksServer server = new JwksServer(keys, Ports.freePort());
        server.start();
        try {
            HttpResponse<String> first = get(server.url());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=" + JwksServer.MAX_AGE_SECONDS);
            assertThat(kids(first.body())).containsExactly(keys.keyId());
            String firstKid = keys.keyId();

            String secondKid = keys.rotate();
            assertThat(kids(get(server.url()).body())).containsExactly(secondKid, firstKid);

            keys.retire();
            assertThat(kids(get(server.url()).body())).containsExactly(secondKid);
        } finally {
            server.stop();
        }
    }

    @Test
    void aDataFolderFromBeforeTheJwksGetsItsKeyPublished() throws Exception {
        JwtKeys fresh = new JwtKeys(dir.resolve("fresh"));
        fresh.ensure();
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.copy(fresh.privateKeyFile(), old.resolve("private-key.pem"));

        JwtKeys migrated = new JwtKeys(old);
        migrated.ensure();

        assertThat(migrated.publishedKeyIds()).containsExactly(fresh.keyId());
        assertThat(migrated.keyId()).isEqualTo(fresh.keyId());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> kids(String json) throws Exception {
        return new JsonWebKeySet(json).getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList();
    }
}
