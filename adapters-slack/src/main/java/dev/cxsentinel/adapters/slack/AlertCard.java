package dev.cxsentinel.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for alerts: the incident card (always drawn from the offer's current state, so an update shows who
 * acted), thread follow-ups, and digests split to Slack's limits (50 blocks a message, 3000 characters a section).
 */
public final class AlertCard {
    public static final String RELIST = "cx_relist";
    public static final String DISPUTE = "cx_dispute";
    public static final String REMEDY = "cx_remedy";
    public static final String SNOOZE = "cx_snooze";
    public static final String TREND = "cx_trend";
    static final int MAX_BLOCKS = 50;

    private AlertCard() {
    }

    /** {@code channel|offerId}: where an action applies; built by us, so users cannot alter it. */
    public static String actionValue(ChannelId channel, Offer offer) {
        return channel.value() + "|" + offer.id().value();
    }

    public static String title(Notification trigger, Offer current, Language l) {
        if (current.status() == OfferStatus.RELIST_PENDING) {
            return Messages.get(l, "card.state.RELIST_PENDING");
        }
        if (current.status() == OfferStatus.ACTIVE && !current.health().isAtRisk()) {
            return Messages.get(l, "card.state.ACTIVE");
        }
        if (current.status() == OfferStatus.ACTIVE && (trigger.event() == EventType.REACTIVATED
                || trigger.event() == EventType.REACTIVATED_AFTER_RELIST)) {
            return Messages.get(l, "card.state.ACTIVE_AT_RISK");
        }
        if (current.status() == OfferStatus.CLOSED && trigger.event() != EventType.STILL_CLOSED_AFTER_RELIST) {
            return Messages.get(l, "title.CLOSED");
        }
        String key = "title." + trigger.event().name();
        try {
            return Messages.get(l, key);
        } catch (IllegalArgumentException e) {
            return Messages.get(l, current.status() == OfferStatus.CLOSED ? "title.CLOSED" : "title.DEGRADED");
        }
    }

    /** The notification text of a card: what phones and screen readers show. */
    public static String fallback(Notification trigger, Offer current, Language l) {
        return SlackText.plain(title(trigger, current, l)).replaceAll(":[a-z_]+: ", "") + ": "
                + SlackText.escape(OfferText.handle(current))
                + (current.productName() == null ? "" : " — " + SlackText.quote(current.productName(), 80));
    }

    public static List<LayoutBlock> card(Notification trigger, Offer o, Instant now) {
        Language l = trigger.language();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.plain(title(trigger, o, l)), true))));
        blocks.add(section(s -> s.text(markdownText(OfferText.headline(o)))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*" + Messages.get(l, "field.health") + "*\n" + healthChange(trigger, o, l)));
        fields.add(markdownText("*" + Messages.get(l, "field.ncx") + "*\n" + OfferText.ncx(o, l)));
        fields.add(markdownText("*" + Messages.get(l, "field.status") + "*\n" + OfferText.status(o, l)));
        fields.add(markdownText("*" + Messages.get(l, "field.channel") + "*\n" + Messages.label(o.channel(), l)));
        if (o.topReason() != null) {
            fields.add(markdownText("*" + Messages.get(l, "field.reason") + "*\n" + OfferText.topReason(o)));
        }
        blocks.add(section(s -> s.fields(fields)));
        if (trigger.event() == EventType.STILL_CLOSED_AFTER_RELIST && o.status() == OfferStatus.CLOSED) {
            blocks.add(section(s -> s.text(markdownText(":warning: " + Messages.get(l, "still.closed")))));
        }
        if (!o.comments().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(limit(Messages.get(l, "comments") + "\n" + OfferText.comments(o.comments(), l))))));
        }
        if (!o.advice().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(limit(Messages.get(l, "advice") + "\n" + OfferText.advice(o.advice(), l))))));
        }
        if (!o.history().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(limit(Messages.get(l, "history") + "\n" + OfferText.history(o.history(), l))))));
        }
        List<TextObject> footer = new ArrayList<>();
        if (o.status() != OfferStatus.ACTIVE) {
            footer.add(markdownText(":information_source: " + Messages.get(l, "no.account.health")));
        }
        if (o.isSnoozed(now)) {
            footer.add(markdownText(":zzz: " + Messages.get(l, "snoozed.until", SlackText.time(o.snoozedUntil()))));
        }
        footer.add(markdownText(OfferText.vocLink(o, l)));
        blocks.add(context(c -> c.elements(new ArrayList<>(footer))));
        List<BlockElement> buttons = new ArrayList<>(buttons(trigger.channel(), o, l));
        if (o.trend().size() > 1) {
            buttons.add(button(b -> b.actionId(TREND).value(actionValue(trigger.channel(), o)).text(plainText(Messages.get(l, "button.trend")))));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("cx_actions_" + now.toEpochMilli()).elements(buttons)));
        }
        return blocks;
    }

    static String healthChange(Notification trigger, Offer o, Language l) {
        CxHealth from = trigger.from();
        if (trigger.kind() == Notification.Kind.ALERT && from != null && from != o.health()) {
            return OfferText.emoji(from) + " " + Messages.label(from, l) + " → " + OfferText.health(o, l);
        }
        return OfferText.health(o, l);
    }

    /** Relist and Dispute for a closed offer; Record remedy with only the remedies the offer allows; Snooze. */
    public static List<BlockElement> buttons(ChannelId channel, Offer o, Language l) {
        String value = actionValue(channel, o);
        List<BlockElement> elements = new ArrayList<>();
        if (o.status() == OfferStatus.CLOSED) {
            elements.add(button(b -> b.actionId(RELIST).value(value).style("primary")
                    .text(plainText(Messages.get(l, "button.relist")))
                    .confirm(confirmationDialog(c -> c.title(plainText(Messages.get(l, "confirm.relist.title")))
                            .text(markdownText(Messages.get(l, "confirm.relist.text")))
                            .confirm(plainText(Messages.get(l, "confirm.yes")))
                            .deny(plainText(Messages.get(l, "cancel")))))));
            elements.add(button(b -> b.actionId(DISPUTE).value(value).text(plainText(Messages.get(l, "button.dispute")))));
        }
        List<OptionObject> remedies = new ArrayList<>();
        for (Remedy r : Remedy.values()) {
            if (r.isAllowedFor(o.channel())) {
                remedies.add(option(plainText(OfferText.capitalize(Messages.label(r, l))), value + "|" + r.keyword()));
            }
        }
        elements.add(staticSelect(s -> s.actionId(REMEDY).placeholder(plainText(Messages.get(l, "pick.remedy"))).options(remedies)));
        List<OptionObject> snoozes = new ArrayList<>();
        for (String d : CommandRouter.snoozeChoices()) {
            snoozes.add(option(plainText(Messages.get(l, "snooze." + d)), value + "|" + d));
        }
        elements.add(staticSelect(s -> s.actionId(SNOOZE).placeholder(plainText(Messages.get(l, "pick.snooze"))).options(snoozes)));
        return elements;
    }

    /** The line a follow-up posts into the card's thread. */
    public static String followUpText(Notification n, Offer o, String escalationMention) {
        Language l = n.language();
        return switch (n.event()) {
            case RELISTED, DISPUTED, REMEDY_RECORDED, SNOOZED -> OfferText.action(n.action(), l);
            case REACTIVATED -> Messages.get(l, "followup.REACTIVATED");
            case REACTIVATED_AFTER_RELIST -> Messages.get(l, "followup.REACTIVATED_AFTER_RELIST");
            case REMINDER -> (n.escalated() ? Messages.get(l, "followup.escalated", escalationMention) + " " : "")
                    + (n.escalated() ? Messages.get(l, "followup.REMINDER.last", n.reminder()) : Messages.get(l, "followup.REMINDER", n.reminder()))
                    + " " + SlackText.escape(OfferText.handle(o));
            case STILL_CLOSED_AFTER_RELIST -> ":warning: " + Messages.get(l, "still.closed");
            default -> Messages.get(l, "followup.DEGRADED", n.from() == null ? "–" : Messages.label(n.from(), l), Messages.label(o.health(), l));
        };
    }

    /** A digest as one or more messages, each within Slack's block and section limits. */
    /**
     * Text per message, well within the ~12,000 characters of block text Slack accepts (it refuses more with
     * {@code msg_blocks_too_long}, beyond what its docs say: slackapi/bolt-js#2509, #2867).
     */
    static final int MESSAGE_TEXT_BUDGET = 10_000;

    /** A digest as one or more messages, each within Slack's limits (blocks and text). */
    public static List<List<LayoutBlock>> digest(Digest digest) {
        Language l = digest.language();
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (DigestLine line : digest.lines()) {
            String text = digestLine(line, l);
            if (current.length() + text.length() + 1 > SlackText.SECTION_LIMIT) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(text).append('\n');
        }
        if (digest.more() > 0) {
            String more = Messages.get(l, "digest.more", digest.more());
            if (current.length() + more.length() > SlackText.SECTION_LIMIT) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(more);
        }
        if (current.length() > 0) {
            sections.add(current.toString());
        }
        List<List<LayoutBlock>> messages = new ArrayList<>();
        List<LayoutBlock> message = new ArrayList<>();
        String title = SlackText.plain(Messages.get(l, "digest.title"));
        message.add(header(h -> h.text(plainText(title, true))));
        int text = title.length();
        for (String s : sections) {
            if (message.size() == MAX_BLOCKS || text + s.length() > MESSAGE_TEXT_BUDGET) {
                messages.add(message);
                message = new ArrayList<>();
                text = 0;
            }
            message.add(section(b -> b.text(markdownText(s.stripTrailing()))));
            text += s.length();
        }
        messages.add(message);
        return messages;
    }

    static String digestLine(DigestLine line, Language l) {
        String from = line.from() == null ? "–" : OfferText.emoji(line.from()) + " " + Messages.label(line.from(), l);
        String to = line.to() == null ? "–" : OfferText.emoji(line.to()) + " " + Messages.label(line.to(), l);
        String verb = switch (line.event()) {
            case IMPROVED -> Messages.get(l, "digest.IMPROVED");
            case DEGRADED -> Messages.get(l, "digest.DEGRADED");
            default -> Messages.get(l, "digest.CHANGED");
        };
        return "• `" + SlackText.escape(line.offerId().sku().value() + "@" + line.offerId().marketplace().code()) + "` "
                + verb + ": " + from + " → " + to
                + (line.productName() == null ? "" : " · " + SlackText.quote(line.productName(), 60));
    }

    static String limit(String text) {
        return text.length() <= SlackText.SECTION_LIMIT ? text : text.substring(0, SlackText.SECTION_LIMIT - 1) + "…";
    }
}
