package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferId;
import java.time.Instant;
import java.util.Objects;

/**
 * A message owed to one channel about one offer. It is stored in the offer's own document, written in the same
 * atomic write as the change it reports, and delivered by the dispatcher.
 *
 * <p>{@code ALERT} opens an incident card; {@code FOLLOW_UP} goes into the card's thread and refreshes the card.
 */
public record Notification(NotificationId id, OfferId offerId, Kind kind, ChannelId channel, Language language,
                           EventType event, CxHealth from, CxHealth to, ActionRecord action, int reminder,
                           boolean escalated, Instant createdAt, Instant dueAt, State state, int attempts,
                           String lastError, String messageTs) {

    public enum Kind { ALERT, FOLLOW_UP }

    /** {@code HELD}: only for a digest of an import still running, delivered once the import ends or is found interrupted. */
    public enum State { PENDING, SENT, FAILED, HELD }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
    }

    public static Notification owed(OfferId offerId, Kind kind, ChannelLink link, EventType event, CxHealth from,
                                    CxHealth to, ActionRecord action, int reminder, boolean escalated, Instant now) {
        return new Notification(NotificationId.random(), offerId, kind, link.channel(), link.language(), event, from, to,
                action, reminder, escalated, now, now, State.PENDING, 0, null, null);
    }

    public boolean isDue(Instant now) {
        return state == State.PENDING && !dueAt.isAfter(now);
    }
}
