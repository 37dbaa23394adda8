package dev.cxsentinel.adapters.mongo;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** The storage model of a digest: one document per import and channel. */
final class DigestMapper {
    private DigestMapper() {
    }

    static Document toDocument(Digest d) {
        return new Document("_id", d.id()).append("schema", OfferMapper.SCHEMA)
                .append("account", d.account().value()).append("channel", d.channel().value())
                .append("language", d.language().name()).append("importId", d.importId())
                .append("lines", d.lines().stream().map(l -> new Document("offerId", l.offerId().value())
                        .append("asin", l.asin().value()).append("productName", l.productName())
                        .append("event", l.event().name())
                        .append("from", l.from() == null ? null : l.from().name())
                        .append("to", l.to() == null ? null : l.to().name())).toList())
                .append("more", d.more()).append("createdAt", Date.from(d.createdAt())).append("dueAt", Date.from(d.dueAt()))
                .append("state", d.state().name()).append("attempts", d.attempts()).append("lastError", d.lastError())
                .append("ts", d.messageTs()).append("leaseOwner", null).append("leaseUntil", new Date(0));
    }

    @SuppressWarnings("unchecked")
    static Digest toDigest(Document d) {
        List<DigestLine> lines = OfferMapper.docs(d, "lines").stream().map(l -> new DigestLine(
                OfferId.parse(l.getString("offerId")), new Asin(l.getString("asin")), l.getString("productName"),
                EventType.valueOf(l.getString("event")),
                l.getString("from") == null ? null : CxHealth.valueOf(l.getString("from")),
                l.getString("to") == null ? null : CxHealth.valueOf(l.getString("to")))).toList();
        Object ts = d.get("ts");
        return new Digest(d.getString("_id"), new SellerAccountId(d.getString("account")), new ChannelId(d.getString("channel")),
                Language.valueOf(d.getString("language")), d.getString("importId"), lines, d.getInteger("more", 0),
                d.getDate("createdAt").toInstant(), d.getDate("dueAt").toInstant(),
                Notification.State.valueOf(d.getString("state")), d.getInteger("attempts", 0), d.getString("lastError"),
                ts instanceof List<?> list ? (List<String>) list : List.of());
    }
}
