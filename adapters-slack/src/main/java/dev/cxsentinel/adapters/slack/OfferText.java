package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.Advice;
import dev.cxsentinel.domain.CustomerComment;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.HealthPoint;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** An offer in Slack mrkdwn: the pieces the alert card, {@code /cx status}, {@code /cx list} and App Home share. */
public final class OfferText {
    static final int COMMENTS_SHOWN = 3;
    static final int COMMENT_LENGTH = 200;
    static final int TREND_POINTS = 5;

    private OfferText() {
    }

    private static final Map<CxHealth, String> EMOJI = Map.of(
            CxHealth.EXCELLENT, ":large_green_circle:", CxHealth.GOOD, ":large_green_circle:", CxHealth.FAIR, ":large_yellow_circle:",
            CxHealth.POOR, ":large_orange_circle:", CxHealth.VERY_POOR, ":red_circle:", CxHealth.INSUFFICIENT_FEEDBACK, ":white_circle:");

    /** The traffic light of a health level, as a Slack emoji name. */
    public static String emoji(CxHealth health) {
        return EMOJI.get(health);
    }

    /** {@code SKU@DE}: how a user names this offer in a command. */
    public static String handle(Offer offer) {
        return offer.id().sku().value() + "@" + offer.id().marketplace().code();
    }

    public static String headline(Offer o) {
        return SlackText.code(o.id().sku().value()) + " · " + o.id().marketplace().code() + " · ASIN " + o.asin()
                + (o.productName() == null ? "" : " — " + SlackText.quote(o.productName(), 150));
    }

    public static String health(Offer o, Language l) {
        return emoji(o.health()) + " *" + Messages.label(o.health(), l) + "*";
    }

    public static String ncx(Offer o, Language l) {
        if (o.ncxRate() == null) {
            return "–";
        }
        String orders = o.ncxOrders() != null && o.totalOrders() != null
                ? " (" + Messages.get(l, "orders", o.ncxOrders(), o.totalOrders()) + ")" : "";
        return o.ncxRate().format(l) + orders;
    }

    public static String status(Offer o, Language l) {
        String status = "*" + Messages.label(o.status(), l) + "*";
        if (o.status() != OfferStatus.ACTIVE && o.closedDate() != null) {
            status += " (" + Messages.get(l, "closed.on", o.closedDate()) + ")";
        }
        return status;
    }

    public static String summary(Offer o, Language l) {
        return health(o, l) + " · NCX " + ncx(o, l) + " · " + status(o, l) + " · " + o.channel().name();
    }

    public static String listLine(Offer o, Language l) {
        return emoji(o.health()) + " " + SlackText.code(handle(o)) + " " + Messages.label(o.health(), l) + " · " + ncx(o, l)
                + " · " + Messages.label(o.status(), l) + (o.productName() == null ? "" : " · " + SlackText.quote(o.productName(), 60));
    }

    /** The newest comments, each with every category it was given (strongest first), so the seller sees why. */
    public static String comments(List<CustomerComment> comments, Language l) {
        return comments(comments, l, COMMENTS_SHOWN);
    }

    public static String comments(List<CustomerComment> comments, Language l, int shown) {
        StringBuilder b = new StringBuilder();
        comments.stream().limit(shown).forEach(c -> b.append("> ").append(c.date()).append(" · _").append(categories(c, l))
                .append("_ · ").append(SlackText.quote(c.text(), COMMENT_LENGTH)).append('\n'));
        return b.toString().stripTrailing();
    }

    static String categories(CustomerComment c, Language l) {
        return c.categories().stream().map(category -> Messages.label(category, l)).collect(Collectors.joining(", "));
    }

    public static String topReason(Offer o) {
        return SlackText.quote(o.topReason().toString(), 100);
    }

    public static String advice(List<Advice> advice, Language l) {
        StringBuilder b = new StringBuilder();
        for (Advice a : advice) {
            b.append("• *").append(adviceName(a, l)).append("*: ").append(Messages.get(l, "advice.ground." + a.ground()));
            String basis = basis(a.basis(), l);
            if (!basis.isEmpty()) {
                b.append(' ').append(Messages.get(l, "advice.basis", basis));
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** What an advice rests on, e.g. "3 comment(s): wrong item ×2, damaged ×1 and the top NCX reason “Too small (80 %)”". */
    static String basis(Advice.Basis basis, Language l) {
        List<String> parts = new ArrayList<>();
        if (!basis.comments().isEmpty()) {
            String counts = basis.comments().entrySet().stream()
                    .sorted((x, y) -> y.getValue() - x.getValue())
                    .map(e -> Messages.label(e.getKey(), l) + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
            parts.add(Messages.get(l, "advice.basis.comments", counts));
        }
        if (basis.topReason() != null) {
            parts.add(Messages.get(l, "advice.basis.reason", SlackText.quote(basis.topReason().toString(), 100)));
        }
        if (basis.returnBadge() != null) {
            parts.add(Messages.get(l, "advice.basis.badge." + basis.returnBadge()));
        }
        return String.join(" " + Messages.get(l, "and") + " ", parts);
    }

    /** The last points of an offer's history, newest first: {@code 9.8 % (Nov 26) ← 6.1 % (Nov 20)}. */
    static String trend(List<dev.cxsentinel.domain.HealthPoint> points, Language l) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern(l == Language.DE ? "d.M." : "MMM d",
                l == Language.DE ? Locale.GERMAN : Locale.ENGLISH);
        List<String> shown = new ArrayList<>();
        for (int i = points.size() - 1; i >= Math.max(0, points.size() - TREND_POINTS); i--) {
            HealthPoint p = points.get(i);
            String value = p.ncxRate() != null ? p.ncxRate().format(l) : Messages.label(p.health(), l);
            shown.add(value + " (" + day.format(p.date()) + ")");
        }
        return String.join(" ← ", shown);
    }

    static String adviceName(Advice a, Language l) {
        return a.kind() == Advice.Kind.DISPUTE
                ? Messages.get(l, "advice.name.DISPUTE", Messages.label(a.disputeReason(), l))
                : Messages.get(l, "advice.name." + a.kind());
    }

    public static String action(ActionRecord a, Language l) {
        String who = SlackText.mention(a.actor());
        String what = switch (a.type()) {
            case RELISTED -> Messages.get(l, "followup.RELISTED", who);
            case DISPUTED -> Messages.get(l, "followup.DISPUTED", who, Messages.label(a.reason(), l));
            case REMEDY_RECORDED -> capitalize(Messages.label(a.remedy(), l)) + " (" + who + ")";
            case SNOOZED -> Messages.get(l, "followup.SNOOZED", who, SlackText.time(a.until()));
        };
        return what + (a.note().isEmpty() ? "" : ": " + SlackText.quote(a.note(), 300));
    }

    public static String history(List<ActionRecord> history, Language l) {
        StringBuilder b = new StringBuilder();
        // Newest first: the action that made the card say what it says must be visible even when the text is cut.
        int from = Math.max(0, history.size() - 10);
        List<ActionRecord> newestFirst = new ArrayList<>(history.subList(from, history.size()));
        Collections.reverse(newestFirst);
        for (ActionRecord a : newestFirst) {
            b.append("• ").append(SlackText.time(a.at())).append(" ").append(action(a, l)).append('\n');
        }
        return b.toString().stripTrailing();
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    public static String vocLink(Offer o, Language l) {
        return "<" + o.id().marketplace().voiceOfTheCustomerUrl() + "|" + Messages.get(l, "voc") + ">";
    }

    /** The full picture for {@code /cx status}. */
    public static String details(ShowOffer.OfferView view, Language l, Instant now) {
        Offer o = view.offer();
        StringBuilder b = new StringBuilder(headline(o)).append('\n').append(summary(o, l)).append('\n');
        if (o.topReason() != null) {
            b.append(Messages.get(l, "field.reason")).append(": ").append(topReason(o)).append('\n');
        }
        if (o.trend().size() > 1) {
            b.append(Messages.get(l, "trend.line", trend(o.trend(), l))).append('\n');
        }
        if (o.isSnoozed(now)) {
            b.append(":zzz: ").append(Messages.get(l, "snoozed.until", SlackText.time(o.snoozedUntil()))).append('\n');
        }
        if (!o.comments().isEmpty()) {
            b.append(Messages.get(l, "comments")).append('\n').append(comments(o.comments(), l, Offer.MAX_COMMENTS)).append('\n');
        }
        if (!view.advice().isEmpty()) {
            b.append(Messages.get(l, "advice")).append('\n').append(advice(view.advice(), l)).append('\n');
        }
        if (!o.history().isEmpty()) {
            b.append(Messages.get(l, "history")).append('\n').append(history(o.history(), l)).append('\n');
        }
        if (!view.failedNotifications().isEmpty()) {
            b.append(Messages.get(l, "failed.notifications")).append('\n');
            for (Notification n : view.failedNotifications()) {
                b.append("• <#").append(n.channel().value()).append(">: ").append(SlackText.escape(n.lastError())).append('\n');
            }
        }
        if (!view.failedDigests().isEmpty()) {
            b.append(Messages.get(l, "failed.digests")).append('\n');
            for (Digest d : view.failedDigests()) {
                b.append("• <#").append(d.channel().value()).append("> ").append(SlackText.time(d.createdAt())).append(": ")
                        .append(SlackText.escape(d.lastError())).append('\n');
            }
        }
        return b.append(vocLink(o, l)).toString();
    }
}
