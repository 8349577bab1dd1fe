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

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
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
        Run run = new Run(System.nanoTime() + duration.toNanos(), next);
        List<ClientLoop> loops = new ArrayList<>();
        List<String> deployments = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < LOOPS; i++) {
            ClientLoop loop = new ClientLoop(run, clients / LOOPS + (i < clients % LOOPS ? 1 : 0));
            loops.add(loop);
            // Each deployment gets its own event-loop context, taken round-robin from the two event loops.
            deployments.add(await(vertx.deployVerticle(loop)));
        }
        Histogram all = LatencyStats.newHistogram();
        for (ClientLoop loop : loops) {
            for (Connection connection : loop.connections) {
                connection.done.get();
                all.add(connection.latencies);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String deployment : deployments) {
            await(vertx.undeploy(deployment)); // closes that loop's HTTP client and its connections
        }
        return new Load.Result(all.getTotalCount(), run.errors.get(), seconds, LatencyStats.of(all),
                run.firstError.get());
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get();
    }

    /** What the connections of one run share: its end, its request sequence, its errors. */
    private record Run(long deadline, IntFunction<Get> next, AtomicInteger sequence, AtomicLong errors,
                       AtomicReference<String> firstError) {
        Run(long deadline, IntFunction<Get> next) {
            this(deadline, next, new AtomicInteger(), new AtomicLong(), new AtomicReference<>());
        }
    }

    /** One event loop's share of the connections, with an HTTP client of its own used only from that loop. */
    private final class ClientLoop extends AbstractVerticle {
        final List<Connection> connections = new ArrayList<>();
        private final Run run;
        private final int size;

        ClientLoop(Run run, int size) {
            this.run = run;
            this.size = size;
        }

        @Override
        public void start() {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()),
                    new PoolOptions().setHttp1MaxSize(Math.max(1, size)));
            for (int i = 0; i < size; i++) {
                connections.add(new Connection(http, run));
            }
            connections.forEach(Connection::sendNext);
        }
    }

    /** One client: its requests one after another, its latencies recorded on its loop's thread. */
    private static final class Connection {
        final Histogram latencies = LatencyStats.newHistogram();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final HttpClient http;
        private final Run run;

        Connection(HttpClient http, Run run) {
            this.http = http;
            this.run = run;
        }

        void sendNext() {
            if (System.nanoTime() >= run.deadline()) {
                done.complete(null);
                return;
            }
            Get get = run.next().apply(run.sequence().getAndIncrement());
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
                            run.errors().incrementAndGet();
                            run.firstError().compareAndSet(null, answer.cause().toString());
                        }
                        sendNext();
                    });
        }
    }
}
