package org.cecplatform.localstack.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP to the services with a bearer token per call ({@code tokens}: role, subject → JWT). */
final class StackHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BinaryOperator<String> tokens;

    StackHttp(BinaryOperator<String> tokens) {
        this.tokens = tokens;
    }

    record Answer(int status, JsonNode body, String text) {
    }

    Answer get(String url, String role, String subject) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), role, subject);
    }

    Answer post(String url, String role, String subject, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), role, subject);
    }

    Answer put(String url, String role, String subject, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))), role, subject);
    }

    /** A file as the multipart part named {@code file} (the audit-service's document upload). */
    Answer upload(String url, String role, String subject, String fileName, String contentType, byte[] content) {
        String boundary = "demo-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), role, subject);
    }

    /** The answer's body when it has this status; otherwise an exception naming the call and the answer. */
    static JsonNode expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new DemoException(what + ": HTTP " + answer.status() + " " + answer.text());
        }
        return answer.body();
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Sends the request; a 503 (the service says a backing service is away for a moment and nothing was changed) is
     * tried again after its Retry-After (at most 2 s), up to {@value #ATTEMPTS} times in all.
     */
    private Answer send(HttpRequest.Builder request, String role, String subject) {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.apply(role, subject));
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            for (int attempt = 2; response.statusCode() == 503 && attempt <= ATTEMPTS; attempt++) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(2, Math.max(1, seconds)) * 1000L);
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            }
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.missingNode() : parse(text);
            return new Answer(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new DemoException("HTTP call failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** A call that did not answer as the demo expected. */
    static final class DemoException extends RuntimeException {
        DemoException(String message) {
            super(message);
        }
    }
}
