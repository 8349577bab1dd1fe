package org.cecplatform.contract;

/**
 * Kafka header names of a CloudEvent in binary mode (CloudEvents Kafka protocol binding 1.0), and the headers a
 * dead-lettered record carries.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Why a record was dead-lettered (human readable). */
    public static final String DLQ_REASON = "dead-letter-reason";
    /** The exception class or rule that rejected it. */
    public static final String DLQ_CAUSE = "dead-letter-cause";
    public static final String DLQ_TOPIC = "dead-letter-topic";
    public static final String DLQ_PARTITION = "dead-letter-partition";
    public static final String DLQ_OFFSET = "dead-letter-offset";
    /** Which consumer group rejected it. */
    public static final String DLQ_CONSUMER = "dead-letter-consumer";

    private CloudEventHeaders() {
    }
}
