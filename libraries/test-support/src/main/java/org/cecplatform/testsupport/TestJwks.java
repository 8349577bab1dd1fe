package org.cecplatform.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The JWKS the services under test verify tokens with, served over real HTTP on 127.0.0.1 (the JDK's HTTP server), as
 * an identity provider serves it. It publishes the keys named by {@link #publish}; a test rotates keys by publishing
 * another list, and a running service sees the change once its copy is older than {@link #MAX_AGE_SECONDS} (the
 * {@code Cache-Control: max-age} of every answer: the services re-read a JWKS when that runs out).
 */
public final class TestJwks implements AutoCloseable {

    /** The key {@link TestTokens} signs with unless told otherwise; the only one published at the start. */
    public static final String FIRST_KEY = "test-key-1";
    /** Short, so that rotation tests wait seconds, not the production minutes. */
    public static final int MAX_AGE_SECONDS = 1;
    public static final String PATH = "/jwks.json";

    private final HttpServer server;

    private TestJwks(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port; publishes {@link #FIRST_KEY} only (whatever an earlier, aborted run left). */
    public static TestJwks start() {
        publish(FIRST_KEY);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(PATH, exchange -> {
                byte[] body = json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Cache-Control", "max-age=" + MAX_AGE_SECONDS);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TestJwks(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWKS server", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** From now on the JWKS holds exactly these keys (generated on first use). */
    public static void publish(String... kids) {
        TestKeys.publish(List.of(kids));
    }

    public static List<String> published() {
        return TestKeys.published();
    }

    /** The public keys as a JWK set: {@code kty}, {@code kid}, {@code use=sig}, {@code alg=RS256}, {@code n}, {@code e}. */
    static String json() {
        List<JsonWebKey> keys = published().stream().map(kid -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey(TestKeys.publicKey(kid));
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return (JsonWebKey) jwk;
        }).toList();
        return new JsonWebKeySet(keys).toJson();
    }
}
