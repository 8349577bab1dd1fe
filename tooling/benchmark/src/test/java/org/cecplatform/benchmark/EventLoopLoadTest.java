package org.cecplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a small HTTP server that answers each request after a short timer and counts what it saw. */
class EventLoopLoadTest {

    private final Vertx serverVertx = Vertx.vertx();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private final Set<String> clientPorts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopServer() throws Exception {
        serverVertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void keepsEachClientToOneRequestAtATimeAndCountsEveryAnswer() throws Exception {
        int port = startServer();
        Load.Result result;
        try (EventLoopLoad load = new EventLoopLoad("http://127.0.0.1:" + port)) {
            result = load.forDuration(5, Duration.ofMillis(600),
                    n -> new EventLoopLoad.Get(n % 10 == 0 ? "/fails" : "/answers", "token-" + (n % 2)));
        }

        assertThat(mostInFlight.get()).as("never more requests at once than clients").isBetween(2, 5);
        assertThat(clientPorts).as("one keep-alive connection per client").hasSize(5);
        assertThat(result.requests() + result.errors()).isEqualTo(answered.get());
        assertThat(result.latency().count()).isEqualTo(result.requests());
        assertThat(result.errors()).isPositive();
        assertThat(result.firstError()).contains("HTTP 500");
        assertThat(authorizations).containsExactlyInAnyOrder("Bearer token-0", "Bearer token-1");
    }

    private int startServer() throws Exception {
        HttpServer server = serverVertx.createHttpServer().requestHandler(request -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            authorizations.add(request.getHeader("Authorization"));
            clientPorts.add(Integer.toString(request.remoteAddress().port()));
            serverVertx.setTimer(3, t -> {
                inFlight.decrementAndGet();
                answered.incrementAndGet();
                request.response().setStatusCode(request.path().equals("/fails") ? 500 : 200).end("{}");
            });
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }
}
