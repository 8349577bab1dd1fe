package org.cecplatform.localstack;

import java.nio.file.Path;
import java.util.List;

/** A service did not become ready: it exited, or the time ran out. Carries the end of its log. */
public final class ServiceNotReadyException extends RuntimeException {

    private final PlatformService service;
    private final Path logFile;
    private final List<String> logTail;

    ServiceNotReadyException(PlatformService service, String reason, Path logFile, List<String> logTail) {
        super(reason);
        this.service = service;
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
    }

    /** Null when it was the staff console. */
    public PlatformService service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the service's log when it failed. */
    public List<String> logTail() {
        return logTail;
    }

    /** The reason, then the log tail: what a test failure should show. */
    public String describe() {
        return getMessage() + "\n---- last " + logTail.size() + " lines of " + logFile + " ----\n"
                + String.join("\n", logTail) + "\n----";
    }
}
