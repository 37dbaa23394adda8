package dev.cxsentinel.adapters.mongo;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.NotificationId;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.ActionType;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.HealthPoint;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.NcxReason;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.ReturnBadge;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The storage model of an offer: one document holds the offer, its comments, its history and the notifications
 * it owes, so one write changes all of them atomically. Documents carry {@code schema}; unknown fields are
 * ignored when reading, so a newer version's documents stay readable.
 */
final class OfferMapper {
    static final int SCHEMA = 1;
    static final int NO_ATTENTION = 9;

    private OfferMapper() {
    }

    /** The offer's fields, for {@code $set} (everything but version, outbox, threads and lease). */
    static Document fields(Offer o) {
        Document d = new Document("schema", SCHEMA)
                .append("account", o.id().account().value())
                .append("marketplace", o.id().marketplace().code())
                .append("sku", o.id().sku().value())
                .append("asin", o.asin().value())
                .append("productName", o.productName())
                .append("channel", o.channel().name())
                .append("health", o.health().name())
                .append("ncxBp", o.ncxRate() == null ? null : o.ncxRate().basisPoints())
                .append("ncxOrders", o.ncxOrders())
                .append("totalOrders", o.totalOrders())
                .append("topReason", o.topReason() == null ? null : o.topReason().text())
                .append("topReasonShare", o.topReason() == null ? null : o.topReason().sharePercent())
                .append("returnBadge", o.observed().returnBadge() == null ? null : o.observed().returnBadge().name())
                .append("asOf", o.observed().asOf() == null ? null : o.observed().asOf().toString())
                .append("closedDate", o.closedDate() == null ? null : o.closedDate().toString())
                .append("status", o.status().name())
                .append("attention", attention(o))
                .append("comments", o.comments().stream().map(OfferMapper::comment).toList())
                .append("history", o.history().stream().map(OfferMapper::action).toList())
                .append("trend", o.trend().stream().map(OfferMapper::point).toList())
                .append("snoozedUntil", date(o.snoozedUntil()))
                .append("closedNoticedAt", date(o.closedNoticedAt()))
                .append("reminders", o.remindersSent());
        return d;
    }

    /** The stored sort key of {@link Offer#attention()}: its rank, or {@link #NO_ATTENTION}. */
    static int attention(Offer o) {
        return o.attention().map(Enum::ordinal).orElse(NO_ATTENTION);
    }

    static Offer offer(Document d) {
        OfferId id = OfferId.parse(d.getString("_id"));
        Integer bp = d.getInteger("ncxBp");
        String closedDate = d.getString("closedDate");
        OfferStatus status = OfferStatus.valueOf(d.getString("status"));
        String reason = d.getString("topReason");
        String badge = d.getString("returnBadge");
        String asOf = d.getString("asOf");
        CxObservation observed = new CxObservation(new Asin(d.getString("asin")), d.getString("productName"),
                FulfilmentChannel.valueOf(d.getString("channel")), CxHealth.valueOf(d.getString("health")),
                bp == null ? null : new NcxRate(bp), d.getInteger("ncxOrders"), d.getInteger("totalOrders"),
                reason == null ? null : new NcxReason(reason, d.getInteger("topReasonShare")),
                closedDate == null ? null : LocalDate.parse(closedDate), status != OfferStatus.ACTIVE,
                badge == null ? null : ReturnBadge.valueOf(badge), asOf == null ? null : LocalDate.parse(asOf));
        return new Offer(id, observed, status,
                docs(d, "comments").stream().map(OfferMapper::comment).toList(),
                docs(d, "history").stream().map(OfferMapper::action).toList(),
                docs(d, "trend").stream().map(OfferMapper::point).toList(),
                instant(d.getDate("snoozedUntil")), instant(d.getDate("closedNoticedAt")),
                d.getInteger("reminders", 0), number(d.get("version")));
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** {@code category} (the strongest) is kept beside {@code categories} so documents of schema 1 stay readable both ways. */
    private static Document comment(CustomerComment c) {
        return new Document("date", c.date().toString()).append("category", c.category().name())
                .append("categories", c.categories().stream().map(Enum::name).toList()).append("text", c.text());
    }

    private static CustomerComment comment(Document d) {
        List<String> names = d.getList("categories", String.class);
        List<CommentCategory> categories = names == null || names.isEmpty()
                ? List.of(CommentCategory.valueOf(d.getString("category")))
                : names.stream().map(CommentCategory::valueOf).toList();
        return new CustomerComment(LocalDate.parse(d.getString("date")), categories, d.getString("text"));
    }

    /** A history point, kept short: a year of daily points is about 20 KiB of BSON per offer at most. */
    private static Document point(HealthPoint p) {
        return new Document("d", p.date().toString()).append("h", p.health().name())
                .append("bp", p.ncxRate() == null ? null : p.ncxRate().basisPoints())
                .append("n", p.ncxOrders()).append("t", p.totalOrders()).append("s", p.status().name());
    }

    private static HealthPoint point(Document d) {
        Integer bp = d.getInteger("bp");
        return new HealthPoint(LocalDate.parse(d.getString("d")), CxHealth.valueOf(d.getString("h")), bp == null ? null : new NcxRate(bp),
                d.getInteger("n"), d.getInteger("t"), OfferStatus.valueOf(d.getString("s")));
    }

    static Document action(ActionRecord a) {
        if (a == null) {
            return null;
        }
        return new Document("type", a.type().name()).append("actor", a.actor().value()).append("at", date(a.at()))
                .append("note", a.note())
                .append("reason", a.reason() == null ? null : a.reason().name())
                .append("remedy", a.remedy() == null ? null : a.remedy().name())
                .append("until", date(a.until()));
    }

    static ActionRecord action(Document d) {
        if (d == null) {
            return null;
        }
        return new ActionRecord(ActionType.valueOf(d.getString("type")), new SlackUserId(d.getString("actor")),
                instant(d.getDate("at")), d.getString("note"),
                d.getString("reason") == null ? null : DisputeReason.valueOf(d.getString("reason")),
                d.getString("remedy") == null ? null : Remedy.valueOf(d.getString("remedy")),
                instant(d.getDate("until")));
    }

    static Document notification(Notification n) {
        return new Document("id", n.id().value())
                .append("kind", n.kind().name())
                .append("channel", n.channel().value())
                .append("language", n.language().name())
                .append("event", n.event().name())
                .append("from", n.from() == null ? null : n.from().name())
                .append("to", n.to() == null ? null : n.to().name())
                .append("action", action(n.action()))
                .append("reminder", n.reminder())
                .append("escalated", n.escalated())
                .append("createdAt", date(n.createdAt()))
                .append("dueAt", date(n.dueAt()))
                .append("state", n.state().name())
                .append("attempts", n.attempts())
                .append("lastError", n.lastError())
                .append("ts", n.messageTs());
    }

    static Notification notification(OfferId offerId, Document d) {
        return new Notification(new NotificationId(d.getString("id")), offerId,
                Notification.Kind.valueOf(d.getString("kind")), new ChannelId(d.getString("channel")),
                Language.valueOf(d.getString("language")), EventType.valueOf(d.getString("event")),
                d.getString("from") == null ? null : CxHealth.valueOf(d.getString("from")),
                d.getString("to") == null ? null : CxHealth.valueOf(d.getString("to")),
                action(d.get("action", Document.class)), d.getInteger("reminder", 0), d.getBoolean("escalated", false),
                instant(d.getDate("createdAt")), instant(d.getDate("dueAt")),
                Notification.State.valueOf(d.getString("state")), d.getInteger("attempts", 0),
                d.getString("lastError"), d.getString("ts"));
    }

    static List<Notification> notifications(Document offerDoc) {
        OfferId id = OfferId.parse(offerDoc.getString("_id"));
        List<Notification> result = new ArrayList<>();
        for (Document d : docs(offerDoc, "outbox")) {
            result.add(notification(id, d));
        }
        return result;
    }

    static Map<ChannelId, String> threads(Document offerDoc) {
        Map<ChannelId, String> threads = new LinkedHashMap<>();
        Document t = offerDoc.get("threads", Document.class);
        if (t != null) {
            t.forEach((channel, ts) -> threads.put(new ChannelId(channel), String.valueOf(ts)));
        }
        return threads;
    }

    @SuppressWarnings("unchecked")
    /** The actions an offer document's history holds. */
    static List<ActionRecord> history(Document d) {
        return docs(d, "history").stream().map(OfferMapper::action).toList();
    }

    static List<Document> docs(Document d, String field) {
        Object value = d.get(field);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
