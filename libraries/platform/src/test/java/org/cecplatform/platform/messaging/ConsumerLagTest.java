package org.cecplatform.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cecplatform.platform.api.ProblemException;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void aBrokerThatDoesNotAnswerIsA503ProblemWithinSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConsumerLag lag = new ConsumerLag(new ConsumerGroups(List.of(new ConsumerGroups.Group("g", List.of("t")))),
                new KafkaConnection(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort)));
        long started = System.nanoTime();
        try {
            assertThatThrownBy(lag::all).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(503));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            lag.close();
        }
    }
}
