package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.port.out.ChannelPace;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The per-channel pace in the {@code channel_pace} collection: one document per channel, {@code next} the first
 * moment a message may be posted. A slot is taken with one conditional update by {@code _id} ({@code next} not
 * after now), so of several instances exactly one gets it.
 */
@Singleton
public class MongoChannelPace implements ChannelPace {
    private final MongoCollection<Document> pace;

    @Inject
    public MongoChannelPace(MongoStore store) {
        this.pace = store.database().getCollection("channel_pace");
    }

    @Override
    public Optional<Instant> reserve(ChannelId channel, Instant now, Duration interval) {
        Date next = Date.from(now.plus(interval));
        return Guard.call(() -> {
            if (pace.updateOne(and(eq("_id", channel.value()), lte("next", Date.from(now))), Updates.set("next", next)).getMatchedCount() == 1) {
                return Optional.<Instant>empty();
            }
            try {
                pace.insertOne(new Document("_id", channel.value()).append("next", next));
                return Optional.<Instant>empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document current = pace.find(eq("_id", channel.value())).first();
            Instant free = current == null ? now : current.getDate("next").toInstant();
            // Free again by now (the holder's slot ended between the two reads): due at once, the next claim takes it.
            return Optional.of(free.isAfter(now) ? free : now);
        });
    }

    @Override
    public void holdUntil(ChannelId channel, Instant until) {
        Guard.run(() -> {
            if (pace.updateOne(and(eq("_id", channel.value()), lt("next", Date.from(until))), Updates.set("next", Date.from(until)))
                    .getMatchedCount() == 0) {
                try {
                    pace.insertOne(new Document("_id", channel.value()).append("next", Date.from(until)));
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            }
        });
    }
}
