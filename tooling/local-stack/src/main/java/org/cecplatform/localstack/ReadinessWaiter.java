package org.cecplatform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Polls each service's /q/health/ready (on its management port) until all answer 200, one dies, or the time is up. */
final class ReadinessWaiter {

    static final int LOG_TAIL_LINES = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration interval;
    private final Consumer<String> console;
    private final BooleanSupplier closing;

    ReadinessWaiter(Duration interval, Consumer<String> console, BooleanSupplier closing) {
        this.interval = interval;
        this.console = console;
        this.closing = closing;
    }

    /** Returns when all are ready; throws {@link ServiceNotReadyException} for the first that exits or is late. */
    void awaitReady(List<ServiceProcess> services, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (closing.getAsBoolean()) {
                    throw new IllegalStateException("The stack is shutting down");
                }
                if (!service.isAlive()) {
                    Process last = service.process();
                    String code = last == null ? "never started" : "exited with code " + last.exitValue();
                    throw failure(service, service.name() + " " + code + " before it was ready");
                }
                if (isReady(service)) {
                    console.accept(String.format("%-16s ready at %s (%.1f s)", service.name(), service.baseUrl(), (System.nanoTime() - start) / 1e9));
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw failure(waiting.get(0), waiting.get(0).name() + " not ready after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }

    private static ServiceNotReadyException failure(ServiceProcess service, String reason) {
        return new ServiceNotReadyException(service.service(), reason, service.logFile(), service.logTail(LOG_TAIL_LINES));
    }

    private boolean isReady(ServiceProcess service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
