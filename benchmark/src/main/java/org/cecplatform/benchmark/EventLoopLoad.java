package org.cecplatform.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop GET load driven by two event-loop threads, as load generators such as wrk drive it: {@code clients}
 * keep-alive connections, each sending its next request as soon as the last one answered. Thirty-two blocking client
 * threads on the two cores the services also use made the load generator's own scheduling a large part of the
 * latency it measured; here the client side is two threads whatever the number of connections.
 */
public final class EventLoopLoad implements AutoCloseable {

    /** One GET: a path (with query) on the base URL, as the bearer of {@code token} (null: no token). */
    public record Get(String path, String token) {
    }

    private static final int LOOPS = 2;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final URI base;

    public EventLoopLoad(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /** Runs for {@code duration}; {@code next} gives the n-th request of the run; any answer but 200 is an error. */
    public Load.Result forDuration(int clients, Duration duration, IntFunction<Get> next) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Connection> connections = new ArrayList<>();
        List<HttpClient> httpClients = new ArrayList<>();
        long start = System.nanoTime();
        for (int loop = 0; loop < LOOPS; loop++) {
            int here = clients / LOOPS + (loop < clients % LOOPS ? 1 : 0);
            // A context created outside Vert.x is bound to the next event loop; a client used only from it keeps its
            // connections and callbacks on that one thread.
            Context context = vertx.getOrCreateContext();
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()),
                    new PoolOptions().setHttp1MaxSize(Math.max(1, here)));
            httpClients.add(http);
            for (int i = 0; i < here; i++) {
                Connection connection = new Connection(http, deadline, sequence, next, errors, firstError);
                connections.add(connection);
                context.runOnContext(v -> connection.sendNext());
            }
        }
        Histogram all = LatencyStats.newHistogram();
        for (Connection connection : connections) {
            connection.done.get();
            all.add(connection.latencies);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (HttpClient http : httpClients) {
            http.close().toCompletionStage().toCompletableFuture().get();
        }
        return new Load.Result(all.getTotalCount(), errors.get(), seconds, LatencyStats.of(all), firstError.get());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** One client: its requests one after another, its latencies on its own event-loop thread. */
    private static final class Connection {
        final Histogram latencies = LatencyStats.newHistogram();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final HttpClient http;
        private final long deadline;
        private final AtomicInteger sequence;
        private final IntFunction<Get> next;
        private final AtomicLong errors;
        private final AtomicReference<String> firstError;

        Connection(HttpClient http, long deadline, AtomicInteger sequence, IntFunction<Get> next, AtomicLong errors,
                AtomicReference<String> firstError) {
            this.http = http;
            this.deadline = deadline;
            this.sequence = sequence;
            this.next = next;
            this.errors = errors;
            this.firstError = firstError;
        }

        void sendNext() {
            if (System.nanoTime() >= deadline) {
                done.complete(null);
                return;
            }
            Get get = next.apply(sequence.getAndIncrement());
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(get.path());
            if (get.token() != null) {
                options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + get.token());
            }
            long t0 = System.nanoTime();
            http.request(options)
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + body);
                        }
                        return body;
                    }))
                    .onComplete(answer -> {
                        if (answer.succeeded()) {
                            latencies.recordValue((System.nanoTime() - t0) / 1000);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, answer.cause().toString());
                        }
                        sendNext();
                    });
        }
    }
}
