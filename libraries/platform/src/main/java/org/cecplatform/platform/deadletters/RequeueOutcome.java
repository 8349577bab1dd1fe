package org.cecplatform.platform.deadletters;

/** What came of handing a dead letter to its consumer again. */
public enum RequeueOutcome {
    /** The consumer applied it now. */
    PROCESSED,
    /** The consumer had applied a message with the same key before (delivered again meanwhile): not applied twice. */
    ALREADY_PROCESSED,
    /** It was rejected or failed again; nothing changed, and it may be requeued again later. */
    FAILED_AGAIN;

    /** After a success the dead letter is settled: a second requeue is refused. */
    public boolean settles() {
        return this != FAILED_AGAIN;
    }
}
