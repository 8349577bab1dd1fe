package org.cecplatform.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.cecplatform.contract.EventSources;

@ConfigMapping(prefix = "cec.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (tests switch it off to hold events between write and publish). */
    @WithDefault("true")
    boolean enabled();

    /** Events published per round; one round waits for the broker to acknowledge all of them. */
    @WithDefault("1000")
    int batchSize();

    /** How long an idle relay sleeps when nothing wakes it. */
    @WithDefault("500ms")
    Duration idlePoll();

    /** How long a round waits for acknowledgements before it gives up and tries again. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** How long the relay lease lasts without renewal; another instance takes over after it. */
    @WithDefault("30s")
    Duration leaseDuration();

    /**
     * The CloudEvent {@code source} of this service's events. Consumers accept an event of a product topic only from
     * its owner's source ({@code Topics.ownerSource}), which is this default: change it and they dead-letter it.
     */
    @WithDefault(EventSources.PREFIX + "${quarkus.application.name}")
    String source();
}
