package org.cecplatform.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain HTTP client for the reliability tests: a request that gets no answer (connection refused, reset, timed out)
 * is status {@link #NO_ANSWER}, not an exception, so a test can count it and retry like a real client. Every answer
 * is tallied by status code.
 */
final class ReliabilityHttp {

    static final int NO_ANSWER = -1;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // one connection per request in flight, as most clients
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration timeout;
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    ReliabilityHttp(Duration timeout) {
        this.timeout = timeout;
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }
    }

    Answer send(String method, String url, String token, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Answer answer;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            answer = new Answer(NO_ANSWER, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    Answer postJson(String url, String token, Map<String, String> headers, String json) {
        return send("POST", url, token, headers, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Answers so far by status code (-1: no answer). */
    Map<Integer, Long> countsByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    /** Answers 500..599 other than 503 (a 503 is the documented answer while a dependency is away). */
    long unexpected5xx() {
        return countsByStatus().entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToLong(Map.Entry::getValue).sum();
    }

    long count(int status) {
        AtomicLong n = byStatus.get(status);
        return n == null ? 0 : n.get();
    }
}
