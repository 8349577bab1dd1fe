package org.cecplatform.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON-over-HTTP client for one service, with a bearer token per call. It uses the JDK's blocking
 * {@link HttpURLConnection} with keep-alive, so each load client does its own socket I/O on its own thread: the
 * {@code java.net.http} client funnels every connection through one selector thread, which on two cores shared with
 * the services made the client itself a bottleneck and a source of latency.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Keep a connection per load client alive between calls (the JDK keeps 5 per host by default).
        System.setProperty("http.maxConnections", "256");
    }

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    public Answer get(String path, String token) throws IOException {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, Object body) throws IOException {
        return send("POST", path, token, JSON.writeValueAsString(body));
    }

    public Answer put(String path, String token, Object body) throws IOException {
        return send("PUT", path, token, JSON.writeValueAsString(body));
    }

    private Answer send(String method, String path, String token, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        // Reading the body to its end (and closing the stream) hands the connection back for the next call.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
