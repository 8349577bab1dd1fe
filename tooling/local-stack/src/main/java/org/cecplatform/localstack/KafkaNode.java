package org.cecplatform.localstack;

import java.io.IOException;
import java.util.OptionalLong;

/** A single-node KRaft broker that the stack runs: in this JVM ({@link KafkaBroker}) or in a child JVM ({@link KafkaBrokerProcess}). */
interface KafkaNode {

    String bootstrapServers();

    /** Starts the broker on its data folder (formatted the first time) and returns once it serves requests. */
    void start() throws IOException;

    /** Graceful stop; does nothing when it is not running. Safe after a failed start. */
    void stop() throws IOException;

    /** Abrupt stop (kill -9 semantics): no controlled shutdown, no clean-shutdown marker. */
    void kill() throws IOException;

    boolean isRunning();

    /** The broker's own process, when it runs in one. */
    OptionalLong pid();

    String description();
}
