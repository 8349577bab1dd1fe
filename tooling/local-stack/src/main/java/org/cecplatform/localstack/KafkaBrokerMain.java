package org.cecplatform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.cecplatform.kafka.access.KafkaCredentials;

/**
 * Entry point of a child JVM that runs one {@link KafkaBroker}:
 * {@code KafkaBrokerMain <kafka-dir> <port> <controller-port> <credentials-file>}.
 * Writes {@code <kafka-dir>/broker.ready} (its PID) once the broker serves requests; SIGTERM stops the broker gracefully.
 * Exits when its parent does, so a parent killed with kill -9 leaves no broker behind.
 */
final class KafkaBrokerMain {

    static final String READY_FILE = "broker.ready";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KafkaBrokerMain <kafka-dir> <port> <controller-port> <credentials-file>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        KafkaBroker broker = new KafkaBroker(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                KafkaCredentials.load(Path.of(args[3])));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("parent process " + parent.pid() + " exited; stopping the broker");
            System.exit(0);
        }));
        try {
            broker.start();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        Files.writeString(dir.resolve(READY_FILE), Long.toString(ProcessHandle.current().pid()));
        System.out.println("broker ready at " + broker.bootstrapServers());
        new CountDownLatch(1).await(); // until SIGTERM or the parent's exit
    }
}
