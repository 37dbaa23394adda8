package dev.cxsentinel.adapters.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * This process's view of the {@code outbox_due} markers, in due order: what the dispatcher tries to claim next.
 *
 * <p>Why it exists: the embedded store has no secondary index, so finding the earliest due marker reads every
 * marker (and that read used to hold the collection while it ran). A backlog of 30,000 alerts owed to one channel
 * (sent at Slack's pace of one a second) made the dispatcher read them all again and again, or claim each one only
 * to put it back, and relists queued behind it (BENCHMARKS.md §8). Here one read of the markers keeps the
 * {@link #PER_CHANNEL} earliest for every channel; the offer writers of this process add what they mark at once
 * ({@link #hint}); a claim passes over markers whose channels are all waiting for their pace, so waiting costs
 * neither reads nor writes; and the markers are read again only when this view is empty or has grown old, so that
 * reading them takes at most 1/{@link #READ_COST_SHARE} of the time (every 1 s to {@link #MAX_AGE}). Another
 * instance's new work is thus seen within that age; this process's own at once.
 *
 * <p>Only a hint: every claim checks the marker's own due time and lease in the store.
 */
final class DueQueue {
    /** Markers kept per channel: a channel sends one message a second, so a hundred last a hundred seconds. */
    static final int PER_CHANNEL = 100;
    /** A new read of the markers costs at most this share of the time (1/200: a 70 ms read every 14 s). */
    static final int READ_COST_SHARE = 200;
    static final Duration MIN_AGE = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** The channels of a marker written before markers named them: it may owe any channel. */
    static final Set<String> ANY = Set.of();

    /** A marker as known here: claimable from {@code at}, owing messages to {@code channels} (empty: any). */
    record Entry(String id, Instant at, Set<String> channels) { }

    private final TreeSet<Entry> byTime = new TreeSet<>(Comparator.comparing(Entry::at).thenComparing(Entry::id));
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Integer> perChannel = new HashMap<>();
    private Instant readAt;
    private Duration age = MIN_AGE;

    /** Whether the markers should be read again before the next claim. */
    synchronized boolean stale(Instant now) {
        return readAt == null || byTime.isEmpty() || now.isBefore(readAt) || !now.isBefore(readAt.plus(age));
    }

    /** Replaces the view with one read of the markers, given in due order; {@code cost} is what the read took. */
    synchronized void replace(Iterable<Entry> inDueOrder, Instant now, Duration cost) {
        byTime.clear();
        byId.clear();
        perChannel.clear();
        for (Entry e : inDueOrder) {
            add(e);
        }
        readAt = now;
        Duration share = cost.multipliedBy(READ_COST_SHARE);
        age = share.compareTo(MIN_AGE) < 0 ? MIN_AGE : share.compareTo(MAX_AGE) > 0 ? MAX_AGE : share;
    }

    /** A marker this process just wrote (its due time only moves earlier, as the marker's {@code $min} does). */
    synchronized void hint(String id, Instant at, Collection<String> channels) {
        Entry known = byId.get(id);
        if (known != null) {
            remove(id);
            at = known.at().isBefore(at) ? known.at() : at;
            Set<String> all = new HashSet<>(known.channels());
            all.addAll(channels);
            channels = known.channels().isEmpty() ? ANY : all;
        }
        add(new Entry(id, at, Set.copyOf(channels)));
    }

    /** A marker this process rewrote to an exact state (after a delivery), or null when it deleted it. */
    synchronized void replaceOne(String id, Instant at, Collection<String> channels) {
        remove(id);
        if (at != null) {
            add(new Entry(id, at, Set.copyOf(channels)));
        }
    }

    /**
     * Takes the earliest marker claimable at {@code now} that owes a channel not in {@code paced}, or null. The marker
     * leaves the view: a claim that fails (taken, moved) leaves it to the next read.
     */
    synchronized String take(Instant now, Set<String> paced) {
        for (Iterator<Entry> it = byTime.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.at().isAfter(now)) {
                return null;
            }
            if (e.channels().isEmpty() || !paced.containsAll(e.channels())) {
                remove(e.id());
                return e.id();
            }
        }
        return null;
    }

    synchronized int size() {
        return byTime.size();
    }

    private void add(Entry e) {
        if (!e.channels().isEmpty() && e.channels().stream().allMatch(c -> perChannel.getOrDefault(c, 0) >= PER_CHANNEL)) {
            return; // later than enough of its channels' work: the next read brings it
        }
        if (e.channels().isEmpty() && perChannel.getOrDefault("", 0) >= PER_CHANNEL) {
            return;
        }
        byTime.add(e);
        byId.put(e.id(), e);
        count(e, 1);
    }

    private void remove(String id) {
        Entry e = byId.remove(id);
        if (e != null) {
            byTime.remove(e);
            count(e, -1);
        }
    }

    private void count(Entry e, int delta) {
        for (String c : e.channels().isEmpty() ? Set.of("") : e.channels()) {
            perChannel.merge(c, delta, Integer::sum);
        }
    }
}
