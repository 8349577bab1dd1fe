package org.cecplatform.localstack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Starts components in order and stops them in reverse order, once, from the JVM shutdown hook
 * (Ctrl-C, SIGTERM, or the exit after a failed start). Synchronized so that a Ctrl-C during start-up
 * waits for the component being started and then stops it too, and nothing starts afterwards.
 */
final class ShutdownSequence {

    interface Action {
        void run() throws Exception;
    }

    private record Step(String what, Action stop) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private volatile boolean stopping;

    /** Registers the stop action before starting, so a half-started component is stopped as well. */
    synchronized void start(String what, Action start, Action stop) throws Exception {
        if (stopping) {
            throw new IllegalStateException("Shutting down; not starting " + what);
        }
        steps.push(new Step(what, stop));
        start.run();
    }

    boolean isStopping() {
        return stopping;
    }

    synchronized void stopAll() {
        if (stopping) {
            return;
        }
        stopping = true;
        long begin = System.nanoTime();
        boolean any = !steps.isEmpty();
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.stop().run();
            } catch (Exception e) {
                System.out.println("Stopping " + step.what() + " failed: " + e);
            }
        }
        if (any) {
            System.out.printf("Local stack stopped (%.1f s)%n", (System.nanoTime() - begin) / 1e9);
        }
    }
}
