package dev.cxsentinel.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DueQueueTest {
    static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

    static List<DueQueue.Entry> backlog(String channel, int n) {
        List<DueQueue.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new DueQueue.Entry(channel + "-" + i, T.plusMillis(i), Set.of(channel)));
        }
        return entries;
    }

    @Test
    void keepsTheEarliestOfEveryChannelSoALaterChannelIsNotStarvedByABacklog() {
        DueQueue queue = new DueQueue();
        List<DueQueue.Entry> read = new ArrayList<>(backlog("A", 30_000));
        read.add(new DueQueue.Entry("B-0", T.plusSeconds(60), Set.of("B")));
        queue.replace(read, T, Duration.ofMillis(5));

        assertEquals(DueQueue.PER_CHANNEL + 1, queue.size(), "a hundred of A's, and B's one");
        assertEquals("B-0", queue.take(T.plusSeconds(61), Set.of("A")), "A waits for its pace: B goes first");
        assertEquals("A-0", queue.take(T.plusSeconds(61), Set.of()), "then A in due order");
        assertNull(queue.take(T.minusSeconds(1), Set.of()), "nothing is due before its time");
    }

    @Test
    void aMarkerOwingAPacedAndAFreeChannelIsTakenAndOneWithoutChannelsAlways() {
        DueQueue queue = new DueQueue();
        queue.replace(List.of(new DueQueue.Entry("AB", T, Set.of("A", "B")), new DueQueue.Entry("old", T.plusMillis(1), DueQueue.ANY)),
                T, Duration.ZERO);
        assertNull(queue.take(T, Set.of("A", "B")), "both its channels wait");
        assertEquals("old", queue.take(T.plusMillis(1), Set.of("A", "B")), "a marker from before channels were noted may owe any");
        assertEquals("AB", queue.take(T, Set.of("A")));
    }

    @Test
    void aHintMovesAMarkerEarlierAndAddsItsChannelsAndADeletionForgetsIt() {
        DueQueue queue = new DueQueue();
        queue.replace(List.of(new DueQueue.Entry("x", T.plusSeconds(10), Set.of("A"))), T, Duration.ZERO);
        queue.hint("x", T.plusSeconds(20), List.of("B"));
        assertEquals("x", queue.take(T.plusSeconds(10), Set.of("A")), "still due at the earlier time, now also owing B");

        queue.hint("y", T, List.of("A"));
        queue.replaceOne("y", null, List.of());
        assertEquals(0, queue.size());
    }

    @Test
    void isReadAgainWhenEmptyWhenTheClockJumpsBackAndAfterAnAgeThatGrowsWithWhatAReadCosts() {
        DueQueue queue = new DueQueue();
        assertTrue(queue.stale(T), "never read");
        queue.replace(backlog("A", 10), T, Duration.ofMillis(100));
        assertFalse(queue.stale(T.plusSeconds(19)), "a 100 ms read is repeated after 200 × 100 ms = 20 s");
        assertTrue(queue.stale(T.plusSeconds(20)));
        assertTrue(queue.stale(T.minusSeconds(1)), "the clock went back");

        queue.replace(backlog("A", 10), T, Duration.ofMillis(1));
        assertFalse(queue.stale(T.plusMillis(999)), "at least a second");
        assertTrue(queue.stale(T.plusSeconds(1)));
        queue.replace(backlog("A", 10), T, Duration.ofSeconds(5));
        assertFalse(queue.stale(T.plusSeconds(29)), "at most thirty seconds");
        assertTrue(queue.stale(T.plusSeconds(30)));

        queue.replace(List.of(), T, Duration.ofSeconds(5));
        assertTrue(queue.stale(T), "an empty view is read again at once: nothing is owed, so the read is small");
    }
}
