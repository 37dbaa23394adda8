package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Channel links ({@code _id} = channel) and operator roles ({@code _id} = account:user). */
@Singleton
public class MongoAccessRepository implements ChannelLinks, OperatorRoles {
    private final MongoCollection<Document> links;
    private final MongoCollection<Document> roles;

    @Inject
    public MongoAccessRepository(MongoStore store) {
        this.links = store.database().getCollection("channel_links");
        this.roles = store.database().getCollection("roles");
    }

    @Override
    public Optional<ChannelLink> find(ChannelId channel) {
        return Guard.call(() -> Optional.ofNullable(links.find(eq("_id", channel.value())).first()).map(MongoAccessRepository::link));
    }

    @Override
    public List<ChannelLink> findByAccount(SellerAccountId account) {
        return Guard.call(() -> {
            List<ChannelLink> result = new ArrayList<>();
            links.find(eq("account", account.value())).sort(Sorts.ascending("_id")).forEach(d -> result.add(link(d)));
            return result;
        });
    }

    @Override
    public List<ChannelLink> findAll() {
        return Guard.call(() -> {
            List<ChannelLink> result = new ArrayList<>();
            links.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(link(d)));
            return result;
        });
    }

    @Override
    public void save(ChannelLink link) {
        Document d = new Document("_id", link.channel().value()).append("schema", OfferMapper.SCHEMA)
                .append("account", link.account().value()).append("language", link.language().name())
                .append("linkedBy", link.linkedBy().value()).append("linkedAt", Date.from(link.linkedAt()));
        Guard.run(() -> links.replaceOne(eq("_id", link.channel().value()), d, new ReplaceOptions().upsert(true)));
    }

    private static ChannelLink link(Document d) {
        return new ChannelLink(new ChannelId(d.getString("_id")), new SellerAccountId(d.getString("account")),
                Language.valueOf(d.getString("language")), new SlackUserId(d.getString("linkedBy")), d.getDate("linkedAt").toInstant());
    }

    @Override
    public boolean isOperator(SellerAccountId account, SlackUserId user) {
        return Guard.call(() -> roles.countDocuments(eq("_id", roleId(account, user))) > 0);
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
        Guard.run(() -> roles.replaceOne(eq("_id", roleId(account, user)), d, new ReplaceOptions().upsert(true)));
    }

    @Override
    public boolean revoke(SellerAccountId account, SlackUserId user) {
        return Guard.call(() -> roles.deleteOne(eq("_id", roleId(account, user))).getDeletedCount() == 1);
    }

    private static String roleId(SellerAccountId account, SlackUserId user) {
        return account.value() + ":" + user.value();
    }
}
