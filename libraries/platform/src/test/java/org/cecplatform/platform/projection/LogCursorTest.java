package org.cecplatform.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.cecplatform.platform.outbox.StoredEvent;
import org.junit.jupiter.api.Test;

/** The order a rebuild folds the log in, with positions whose transactions commit late. */
class LogCursorTest {

    /** The log as a reader sees it: only committed positions; one read is one snapshot. */
    private final TreeMap<Long, StoredEvent> committed = new TreeMap<>();
    private final List<Collection<Long>> askedAgain = new ArrayList<>();

    private List<StoredEvent> read(long after, Collection<Long> skipped, int limit) {
        askedAgain.add(List.copyOf(skipped));
        List<StoredEvent> found = new ArrayList<>();
        for (long p : skipped) {
            if (committed.containsKey(p)) {
                found.add(committed.get(p));
            }
        }
        committed.tailMap(after, false).values().stream().limit(limit).forEach(found::add);
        return found;
    }

    private void commit(long position, String aggregate, long sequence) {
        committed.put(position, new StoredEvent(position, UUID.randomUUID(), aggregate, sequence, "t", null, aggregate,
                Instant.EPOCH, "{}"));
    }

    @Test
    void anEventWhoseTransactionWasOpenIsFoldedBeforeTheLaterEventsOfItsAggregate() {
        LogCursor cursor = new LogCursor();
        List<StoredEvent> folded = new ArrayList<>();
        commit(1, "a", 1);
        commit(3, "b", 1); // position 2 (a's second event) is still in an open transaction
        folded.addAll(cursor.next(this::read, 10));
        commit(2, "a", 2); // it commits, then a's third event is appended and commits
        commit(4, "a", 3);
        folded.addAll(cursor.next(this::read, 10));
        assertThat(cursor.next(this::read, 10)).isEmpty();

        assertThat(folded.stream().filter(e -> e.aggregateId().equals("a")).map(StoredEvent::sequence))
                .containsExactly(1L, 2L, 3L);
        assertThat(folded.stream().map(StoredEvent::position)).containsExactly(1L, 3L, 2L, 4L);
        assertThat(askedAgain.get(1)).containsExactly(2L);
        assertThat(askedAgain.get(2)).isEmpty();
    }

    @Test
    void aPositionThatNeverCommitsIsAskedForAgainAndNeverBlocksTheRest() {
        LogCursor cursor = new LogCursor();
        commit(1, "a", 1);
        commit(3, "a", 2); // position 2 was taken by an append that lost a race and rolled back
        assertThat(cursor.next(this::read, 10)).extracting(StoredEvent::position).containsExactly(1L, 3L);
        commit(4, "a", 3);
        assertThat(cursor.next(this::read, 10)).extracting(StoredEvent::position).containsExactly(4L);
        assertThat(askedAgain.get(1)).containsExactly(2L);
    }

    @Test
    void aCopyMovesOnItsOwn() {
        LogCursor cursor = new LogCursor();
        commit(1, "a", 1);
        commit(3, "b", 1);
        cursor.next(this::read, 10);
        LogCursor copy = cursor.copy();
        commit(2, "a", 2);
        assertThat(copy.next(this::read, 10)).extracting(StoredEvent::position).containsExactly(2L);
        assertThat(cursor.next(this::read, 10)).extracting(StoredEvent::position).containsExactly(2L);
    }

    @Test
    void batchesAreLimitedToTheNextEventsAndTheLateOnesComeOnTop() {
        LogCursor cursor = new LogCursor();
        for (long p = 1; p <= 5; p++) {
            commit(p, "a", p);
        }
        assertThat(cursor.next(this::read, 2)).extracting(StoredEvent::position).containsExactly(1L, 2L);
        assertThat(cursor.next(this::read, 2)).extracting(StoredEvent::position).containsExactly(3L, 4L);
        assertThat(cursor.next(this::read, 2)).extracting(StoredEvent::position).containsExactly(5L);
        assertThat(cursor.next(this::read, 2)).isEmpty();
    }
}
