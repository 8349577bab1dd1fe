package org.cecplatform.platform.messaging;

/**
 * A message that can never be processed: unreadable, or breaking a rule. It goes to the dead-letter topic with this
 * reason, and the partition goes on.
 */
public class RejectedMessageException extends RuntimeException {

    public RejectedMessageException(String reason) {
        super(reason);
    }

    public RejectedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
