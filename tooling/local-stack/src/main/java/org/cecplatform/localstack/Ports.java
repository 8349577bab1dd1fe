package org.cecplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Port checks, so a port taken by something else fails fast instead of answering our health checks. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use on 127.0.0.1.");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static int fromEnv(String name, int defaultPort) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }

    /** Hands out free ports, each once (the OS may offer a port again once its probe socket is closed). */
    static final class FreePorts {
        private final Set<Integer> given = new HashSet<>();

        /** A port chosen by hand: never handed out. */
        int reserve(int port) {
            given.add(port);
            return port;
        }

        int next() {
            try {
                for (int attempt = 0; attempt < 50; attempt++) {
                    int port = freePort();
                    if (given.add(port)) {
                        return port;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free port", e);
            }
            throw new IllegalStateException("Could not find a free port that was not handed out already");
        }
    }
}
