package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.AlertPolicy;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a transition's events into what the team is owed: at most one incident card per change (the most
 * urgent event decides), follow-ups for actions and reactivations, and digest lines for the rest.
 */
final class NotificationPlanner {

    record Plan(List<Notification> owed, List<DigestLine> digestLines) { }

    private NotificationPlanner() {
    }

    static Plan plan(Offer.Transition transition, List<ChannelLink> links, Instant now) {
        Offer offer = transition.after();
        List<OfferEvent> immediate = new ArrayList<>();
        List<OfferEvent> followUps = new ArrayList<>();
        List<OfferEvent> digest = new ArrayList<>();
        for (OfferEvent event : transition.events()) {
            switch (AlertPolicy.urgency(event, offer, now)) {
                case IMMEDIATE -> immediate.add(event);
                case FOLLOW_UP -> followUps.add(event);
                case DIGEST -> digest.add(event);
                case NONE -> { }
            }
        }
        List<Notification> owed = new ArrayList<>();
        List<DigestLine> lines = new ArrayList<>();
        CxHealth from = transition.before() == null ? null : transition.before().health();
        Optional<OfferEvent> primary = immediate.stream().min(Comparator.comparingInt(NotificationPlanner::priority));
        for (ChannelLink link : links) {
            primary.ifPresent(e -> owed.add(notification(e, offer, from, link, now)));
            followUps.forEach(e -> owed.add(notification(e, offer, from, link, now)));
        }
        if (primary.isEmpty()) {
            digest.forEach(e -> lines.add(new DigestLine(offer.id(), offer.asin(), offer.productName(), type(e), from, offer.health())));
        }
        return new Plan(owed, lines);
    }

    private static int priority(OfferEvent event) {
        if (event instanceof OfferEvent.StillClosedAfterRelist) {
            return 0;
        }
        if (event instanceof OfferEvent.OfferClosed) {
            return 1;
        }
        if (event instanceof OfferEvent.ReminderDue) {
            return 2;
        }
        return 3;
    }

    private static Notification notification(OfferEvent event, Offer offer, CxHealth from, ChannelLink link, Instant now) {
        Notification.Kind kind = event instanceof OfferEvent.OfferClosed || event instanceof OfferEvent.StillClosedAfterRelist
                || event instanceof OfferEvent.HealthDegraded || event instanceof OfferEvent.OfferDiscovered
                ? Notification.Kind.ALERT : Notification.Kind.FOLLOW_UP;
        ActionRecord action = actionOf(event);
        int reminder = event instanceof OfferEvent.ReminderDue r ? r.number() : 0;
        boolean escalated = event instanceof OfferEvent.ReminderDue r && r.escalated();
        return Notification.owed(offer.id(), kind, link, type(event), from, offer.health(), action, reminder, escalated, now);
    }

    private static ActionRecord actionOf(OfferEvent event) {
        if (event instanceof OfferEvent.Relisted e) {
            return e.action();
        }
        if (event instanceof OfferEvent.Disputed e) {
            return e.action();
        }
        if (event instanceof OfferEvent.RemedyRecorded e) {
            return e.action();
        }
        if (event instanceof OfferEvent.Snoozed e) {
            return e.action();
        }
        if (event instanceof OfferEvent.StillClosedAfterRelist e) {
            return e.relist();
        }
        return null;
    }

    static EventType type(OfferEvent event) {
        if (event instanceof OfferEvent.OfferDiscovered) {
            return EventType.DISCOVERED_AT_RISK;
        }
        if (event instanceof OfferEvent.HealthDegraded) {
            return EventType.DEGRADED;
        }
        if (event instanceof OfferEvent.HealthImproved) {
            return EventType.IMPROVED;
        }
        if (event instanceof OfferEvent.HealthChanged) {
            return EventType.CHANGED;
        }
        if (event instanceof OfferEvent.OfferClosed) {
            return EventType.CLOSED;
        }
        if (event instanceof OfferEvent.OfferReactivated e) {
            return e.afterRelist() ? EventType.REACTIVATED_AFTER_RELIST : EventType.REACTIVATED;
        }
        if (event instanceof OfferEvent.StillClosedAfterRelist) {
            return EventType.STILL_CLOSED_AFTER_RELIST;
        }
        if (event instanceof OfferEvent.Relisted) {
            return EventType.RELISTED;
        }
        if (event instanceof OfferEvent.Disputed) {
            return EventType.DISPUTED;
        }
        if (event instanceof OfferEvent.RemedyRecorded) {
            return EventType.REMEDY_RECORDED;
        }
        if (event instanceof OfferEvent.Snoozed) {
            return EventType.SNOOZED;
        }
        return EventType.REMINDER;
    }
}
