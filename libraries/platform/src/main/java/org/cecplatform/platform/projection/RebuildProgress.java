package org.cecplatform.platform.projection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/**
 * A projection's last (or running) rebuild, as every instance of the service sees it.
 *
 * @param state       IDLE (never rebuilt), RUNNING, COMPLETED, FAILED, or ABANDONED (the instance running it stopped
 *                    sending heartbeats: it may be started again)
 * @param eventsDone  events (or records) applied to the shadow copy so far
 * @param eventsTotal what the source held when the rebuild started (null until known); events that arrive meanwhile
 *                    are applied too, so done may end above it
 */
public record RebuildProgress(String projection, String state, long eventsDone,
@Schema(nullable = true) Long eventsTotal, @Schema(nullable = true) Instant startedAt,
                              @Schema(nullable = true) String startedBy, @Schema(nullable = true) Instant finishedAt,
                              @Schema(nullable = true) String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String ABANDONED = "ABANDONED";

    static RebuildProgress idle(String projection) {
        return new RebuildProgress(projection, IDLE, 0, null, null, null, null, null);
    }
}
