package dev.cxsentinel.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.model.ChannelId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared channel pace over TCP against the embedded wire-protocol server, as two instances would use it. */
class MongoChannelPaceTest {
    static final ChannelId CHANNEL = new ChannelId("C0PACE");
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    EmbeddedStore embedded;
    MongoStore store;

    @BeforeEach
    void open() {
        embedded = EmbeddedStore.inMemory();
        store = MongoStore.connect(embedded.connectionString(), "cx");
    }

    @AfterEach
    void close() {
        store.close();
        embedded.close();
    }

    @Test
    void oneSlotPerIntervalAcrossInstancesAndA429HoldsEveryone() {
        MongoChannelPace one = new MongoChannelPace(store);
        MongoChannelPace two = new MongoChannelPace(store);
        assertEquals(Optional.empty(), one.reserve(CHANNEL, T0, Duration.ofSeconds(1)), "the first slot is free");
        assertEquals(Optional.of(T0.plusSeconds(1)), two.reserve(CHANNEL, T0.plusMillis(300), Duration.ofSeconds(1)),
                "the other instance waits for the next slot");
        assertEquals(Optional.empty(), two.reserve(CHANNEL, T0.plusSeconds(1), Duration.ofSeconds(1)));
        one.holdUntil(CHANNEL, T0.plusSeconds(30));
        assertEquals(Optional.of(T0.plusSeconds(30)), two.reserve(CHANNEL, T0.plusSeconds(5), Duration.ofSeconds(1)), "Retry-After for all");
        one.holdUntil(CHANNEL, T0.plusSeconds(10));
        assertEquals(Optional.of(T0.plusSeconds(30)), one.reserve(CHANNEL, T0.plusSeconds(11), Duration.ofSeconds(1)),
                "a shorter hold never shortens a longer one");
        assertTrue(one.reserve(new ChannelId("C0OTHER"), T0.plusSeconds(5), Duration.ofSeconds(1)).isEmpty(), "channels are independent");
    }
}
