package org.cecplatform.platform.deadletters;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** A dead letter as stored: enough of the original record to hand it to its consumer again. */
record StoredDeadLetter(long id, String consumer, String topic, int partition, long offset, String key, byte[] value,
                        List<StoredHeader> headers) {

    /** One of the original record's headers. */
    record StoredHeader(String name, byte[] value) {
    }

    /** The original record as its consumer first saw it (key, bytes, headers, position). */
    ConsumerRecord<String, byte[]> toRecord() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach(h -> recordHeaders.add(h.name(), h.value()));
        return new ConsumerRecord<>(topic, partition, offset, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, value.length, key, value, recordHeaders, Optional.empty());
    }
}
