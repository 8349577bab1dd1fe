package org.cecplatform.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/** Closed-loop load: {@code clients} threads, each sending its next request as soon as the last one answered. */
public final class Load {

    /** One request; {@code n} counts the requests of the run (from 0). Throws if the answer is wrong. */
    @FunctionalInterface
    public interface Call {
        void run(int n) throws Exception;
    }

    public record Result(long requests, long errors, double seconds, LatencyStats latency, String firstError) {
        public double perSecond() {
            return requests / seconds;
        }
    }

    /** Runs for {@code duration}. */
    public static Result forDuration(int clients, Duration duration, Call call) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        return run(clients, Integer.MAX_VALUE, deadline, call);
    }

    /** Runs exactly {@code total} calls (numbered 0..total-1) spread over the clients. */
    public static Result times(int clients, int total, Call call) throws Exception {
        return run(clients, total, Long.MAX_VALUE, call);
    }

    private static Result run(int clients, int total, long deadline, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                Histogram h = LatencyStats.newHistogram();
                int n;
                while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    try {
                        call.run(n);
                        h.recordValue((System.nanoTime() - t0) / 1000);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(e.toString());
                            }
                        }
                    }
                }
                return h;
            }));
        }
        Histogram all = LatencyStats.newHistogram();
        for (Future<Histogram> part : parts) {
            all.add(part.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all.getTotalCount(), errors.get(), seconds, LatencyStats.of(all),
                firstError.isEmpty() ? null : firstError.get(0));
    }

    private Load() {
    }
}
