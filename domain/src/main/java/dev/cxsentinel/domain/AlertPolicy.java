package dev.cxsentinel.domain;

import java.time.Instant;

/**
 * How urgently an event reaches the team. Closures and a move into POOR or VERY_POOR alert at once; so does
 * "still closed after relist". Other changes go into a digest. A snooze mutes everything but closures.
 * Actions and reactivations are follow-ups in the offer's alert thread.
 */
public final class AlertPolicy {
    public enum Urgency { IMMEDIATE, FOLLOW_UP, DIGEST, NONE }

    private AlertPolicy() {
    }

    public static Urgency urgency(OfferEvent event, Offer offer, Instant now) {
        Urgency urgency = baseUrgency(event);
        boolean closure = event instanceof OfferEvent.OfferClosed || event instanceof OfferEvent.StillClosedAfterRelist;
        if (!closure && offer.isSnoozed(now) && !(event instanceof OfferEvent.Snoozed)) {
            return Urgency.NONE;
        }
        return urgency;
    }

    private static Urgency baseUrgency(OfferEvent event) {
        if (event instanceof OfferEvent.OfferClosed || event instanceof OfferEvent.StillClosedAfterRelist
                || event instanceof OfferEvent.ReminderDue) {
            return Urgency.IMMEDIATE;
        }
        if (event instanceof OfferEvent.HealthDegraded d) {
            return d.to().isAtRisk() ? Urgency.IMMEDIATE : Urgency.DIGEST;
        }
        if (event instanceof OfferEvent.OfferDiscovered d) {
            return d.health().isAtRisk() ? Urgency.IMMEDIATE : Urgency.NONE;
        }
        if (event instanceof OfferEvent.HealthImproved || event instanceof OfferEvent.HealthChanged) {
            return Urgency.DIGEST;
        }
        return Urgency.FOLLOW_UP;
    }
}
