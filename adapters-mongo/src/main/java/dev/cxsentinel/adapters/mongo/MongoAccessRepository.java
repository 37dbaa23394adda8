package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Channel links ({@code _id} = channel) and operator roles ({@code _id} = account:user).
 *
 * <p>Every command asks who may do what, and the answers change rarely, so both collections are kept as a
 * snapshot that is read again after {@link #FRESH_FOR} and dropped at once when this process changes them. A
 * lookup the snapshot cannot answer (a channel it does not know, a user it does not list as operator) asks the
 * store, so a link or grant made by another process counts at once for that channel's commands; the lists of
 * links (alert routing, App Home) and a revocation made there reach this process within {@link #FRESH_FOR}.
 */
@Singleton
public class MongoAccessRepository implements ChannelLinks, OperatorRoles {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Comparator<ChannelLink> BY_CHANNEL = Comparator.comparing(l -> l.channel().value());

    private final long freshForNanos;
    private final MongoCollection<Document> links;
    private final MongoCollection<Document> roles;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(long loadedAt, Map<ChannelId, ChannelLink> links, Set<String> roles) {
    }

    @Inject
    public MongoAccessRepository(MongoStore store) {
        this(store, FRESH_FOR);
    }

    MongoAccessRepository(MongoStore store, Duration freshFor) {
        this.freshForNanos = freshFor.toNanos();
        this.links = store.interactive().getCollection("channel_links");
        this.roles = store.interactive().getCollection("roles");
    }

    @Override
    public Optional<ChannelLink> find(ChannelId channel) {
        ChannelLink known = current().links().get(channel);
        if (known != null) {
            return Optional.of(known);
        }
        return Guard.call(() -> Optional.ofNullable(links.find(eq("_id", channel.value())).first()).map(MongoAccessRepository::link));
    }

    @Override
    public List<ChannelLink> findByAccount(SellerAccountId account) {
        return current().links().values().stream().filter(l -> l.account().equals(account)).sorted(BY_CHANNEL).toList();
    }

    /** The snapshot, read again when stale; one read at a time, and never kept if a write happened meanwhile. */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (fresh(s)) {
                return s;
            }
            long before = generation.get();
            Snapshot loaded = Guard.call(() -> {
                Map<ChannelId, ChannelLink> byChannel = new HashMap<>();
                links.find().forEach(d -> {
                    ChannelLink l = link(d);
                    byChannel.put(l.channel(), l);
                });
                Set<String> roleIds = new HashSet<>();
                roles.find().projection(Projections.include("_id")).forEach(d -> roleIds.add(d.getString("_id")));
                return new Snapshot(System.nanoTime(), Map.copyOf(byChannel), Set.copyOf(roleIds));
            });
            if (generation.get() == before) {
                snapshot = loaded;
            }
            return loaded;
        }
    }

    private boolean fresh(Snapshot s) {
        return s != null && System.nanoTime() - s.loadedAt() < freshForNanos;
    }

    private void changed() {
        generation.incrementAndGet();
        snapshot = null;
    }

    @Override
    public List<ChannelLink> findAll() {
        return current().links().values().stream().sorted(BY_CHANNEL).toList();
    }

    @Override
    public void save(ChannelLink link) {
        Document d = new Document("_id", link.channel().value()).append("schema", OfferMapper.SCHEMA)
                .append("account", link.account().value()).append("language", link.language().name())
                .append("linkedBy", link.linkedBy().value()).append("linkedAt", Date.from(link.linkedAt()))
                .append("marketplace", link.defaultMarketplace() == null ? null : link.defaultMarketplace().code());
        try {
            Guard.run(() -> links.replaceOne(eq("_id", link.channel().value()), d, new ReplaceOptions().upsert(true)));
        } finally {
            changed();
        }
    }

    private static ChannelLink link(Document d) {
        String marketplace = d.getString("marketplace");
        return new ChannelLink(new ChannelId(d.getString("_id")), new SellerAccountId(d.getString("account")),
                Language.valueOf(d.getString("language")), new SlackUserId(d.getString("linkedBy")), d.getDate("linkedAt").toInstant(),
                marketplace == null ? null : Marketplace.parse(marketplace));
    }

    @Override
    public boolean isOperator(SellerAccountId account, SlackUserId user) {
        return current().roles().contains(roleId(account, user))
                || Guard.call(() -> roles.countDocuments(eq("_id", roleId(account, user))) > 0);
    }

    @Override
    public List<SlackUserId> operators(SellerAccountId account) {
        return Guard.call(() -> {
            List<SlackUserId> result = new ArrayList<>();
            roles.find(eq("account", account.value())).sort(Sorts.ascending("_id"))
                    .forEach(d -> result.add(new SlackUserId(d.getString("user"))));
            return result;
        });
    }

    @Override
    public void grant(SellerAccountId account, SlackUserId user) {
        Document d = new Document("_id", roleId(account, user)).append("account", account.value())
                .append("user", user.value()).append("role", "operator");
        try {
            Guard.run(() -> roles.replaceOne(eq("_id", roleId(account, user)), d, new ReplaceOptions().upsert(true)));
        } finally {
            changed();
        }
    }

    @Override
    public boolean revoke(SellerAccountId account, SlackUserId user) {
        try {
            return Guard.call(() -> roles.deleteOne(eq("_id", roleId(account, user))).getDeletedCount() == 1);
        } finally {
            changed();
        }
    }

    private static String roleId(SellerAccountId account, SlackUserId user) {
        return account.value() + ":" + user.value();
    }
}
