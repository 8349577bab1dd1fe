package org.cecplatform.platform.projection;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A projection of another service's topic. The live consumer writes the live tables; a rebuild replays the topic from
 * the beginning into the shadow tables. Applying a record must not depend on having seen it before (upserts keyed by
 * the event), because records the live consumer has yet to reach are also in the rebuilt copy.
 */
public interface TopicProjection extends Projection {

    String topic();

    /**
     * Applies records (partition order) to {@code tables}, in the caller's transaction. A record that cannot be read
     * is skipped (the live consumer dead-lettered it when it first came).
     */
    void apply(List<ConsumerRecord<String, byte[]>> records, ProjectionTables tables);
}
