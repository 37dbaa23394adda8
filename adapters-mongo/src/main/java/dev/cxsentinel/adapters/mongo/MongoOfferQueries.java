package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static dev.cxsentinel.adapters.mongo.OfferDocuments.withoutOutbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Finding offers in the {@code offers} collection, without the notifications they owe. */
@Singleton
public class MongoOfferQueries implements FindOffers {
    private final MongoCollection<Document> offers;
    /** For the lookups by id a user waits for (2 s); lists and ASIN searches scan on the embedded store and get longer. */
    private final MongoCollection<Document> offersNow;
    private final MongoCollection<Document> reminders;

    @Inject
    public MongoOfferQueries(MongoStore store) {
        this.offers = store.database().getCollection(OfferDocuments.OFFERS);
        this.offersNow = store.interactive().getCollection(OfferDocuments.OFFERS);
        this.reminders = store.database().getCollection(ReminderMarkers.COLLECTION);
    }

    @Override
    public List<Offer> findByAsin(SellerAccountId account, Asin asin) {
        return Guard.call(() -> list(offers.find(and(eq("account", account.value()), eq("asin", asin.value())))
                .projection(withoutOutbox()).sort(Sorts.ascending("_id")).limit(100)));
    }

    /** By {@code _id}: an offer's id is account:marketplace:sku, so the candidates are one per marketplace. */
    @Override
    public List<Offer> findBySku(SellerAccountId account, Sku sku) {
        List<String> ids = new ArrayList<>();
        for (Marketplace m : Marketplace.values()) {
            ids.add(new OfferId(account, m, sku).value());
        }
        return Guard.call(() -> list(offersNow.find(in("_id", ids)).projection(withoutOutbox()).sort(Sorts.ascending("_id"))));
    }

    @Override
    public Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size) {
        Bson query = and(eq("account", account.value()), attentionFilter(filter));
        return Guard.call(() -> {
            long total = offers.countDocuments(query);
            List<Offer> items = list(offers.find(query).projection(withoutOutbox())
                    .sort(Sorts.ascending("attention", "sku", "marketplace"))
                    .skip((page - 1) * size).limit(size));
            return new Page<>(items, page, size, total);
        });
    }

    private static Bson attentionFilter(AttentionFilter filter) {
        return switch (filter) {
            case ALL -> lt("attention", OfferMapper.NO_ATTENTION);
            case CLOSED -> eq("status", OfferStatus.CLOSED.name());
            case PENDING -> eq("status", OfferStatus.RELIST_PENDING.name());
            case VERY_POOR -> eq("health", CxHealth.VERY_POOR.name());
            case POOR -> eq("health", CxHealth.POOR.name());
        };
    }

    @Override
    public List<OfferId> dueForReminder(Instant now, Duration interval, int maxReminders) {
        if (maxReminders <= 0) {
            return List.of();
        }
        return Guard.call(() -> {
            List<OfferId> ids = new ArrayList<>();
            reminders.find(ReminderMarkers.due(now, interval, maxReminders)).projection(Projections.include("_id"))
                    .forEach(d -> ids.add(OfferId.parse(d.getString("_id"))));
            return ids;
        });
    }

    @Override
    public List<OfferId> offerIdsOf(SellerAccountId account) {
        return ids(eq("account", account.value()));
    }

    private List<OfferId> ids(Bson filter) {
        return Guard.call(() -> {
            List<OfferId> ids = new ArrayList<>();
            offers.find(filter).projection(Projections.include("_id")).batchSize(10_000)
                    .forEach(d -> ids.add(OfferId.parse(d.getString("_id"))));
            return ids;
        });
    }

    private static List<Offer> list(Iterable<Document> documents) {
        List<Offer> result = new ArrayList<>();
        documents.forEach(d -> result.add(OfferMapper.offer(d)));
        return result;
    }
}
