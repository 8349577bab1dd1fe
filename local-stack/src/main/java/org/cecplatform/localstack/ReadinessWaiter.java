package org.cecplatform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Polls each service's /q/health/ready until all answer 200, one dies, or the time is up. */
final class ReadinessWaiter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;
    private final Duration interval;

    ReadinessWaiter(Duration timeout, Duration interval) {
        this.timeout = timeout;
        this.interval = interval;
    }

    /** Returns the first service that failed to become ready, or empty when all are ready. */
    Optional<ServiceProcess> awaitReady(List<ServiceProcess> services) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    System.out.printf("%s exited with code %d before it was ready%n", service.name(), service.process().exitValue());
                    return Optional.of(service);
                }
                if (isReady(service)) {
                    System.out.printf("%-16s ready at %s (%.1f s)%n", service.name(), service.baseUrl(), (System.nanoTime() - start) / 1e9);
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    System.out.printf("%s not ready after %d s%n", waiting.get(0).name(), timeout.toSeconds());
                    return Optional.of(waiting.get(0));
                }
                Thread.sleep(interval.toMillis());
            }
        }
        return Optional.empty();
    }

    private boolean isReady(ServiceProcess service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
