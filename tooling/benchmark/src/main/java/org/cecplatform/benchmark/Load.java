package org.cecplatform.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Closed-loop load of a fixed number of calls: {@code clients} threads, each making its next call as soon as the last
 * one answered (setup and the renewal burst, whose calls are posts with bodies; the timed read load is
 * {@link EventLoopLoad}).
 */
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

    /** Runs exactly {@code total} calls (numbered 0..total-1) spread over the clients. */
    public static Result times(int clients, int total, Call call) throws Exception {
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
                while ((n = next.getAndIncrement()) < total) {
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
