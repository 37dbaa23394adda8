package dev.cxsentinel.domain;

import java.time.LocalDate;

/** What happened to an offer: from a new report, from a team member's action, or from time passing. */
public sealed interface OfferEvent {
    OfferId offerId();

    /** First time the offer is seen. */
    record OfferDiscovered(OfferId offerId, CxHealth health) implements OfferEvent { }

    record HealthDegraded(OfferId offerId, CxHealth from, CxHealth to) implements OfferEvent { }

    record HealthImproved(OfferId offerId, CxHealth from, CxHealth to) implements OfferEvent { }

    /** A move to or from "insufficient feedback", which is neither better nor worse. */
    record HealthChanged(OfferId offerId, CxHealth from, CxHealth to) implements OfferEvent { }

    record OfferClosed(OfferId offerId, LocalDate closedDate) implements OfferEvent { }

    /** The offer is active again; {@code afterRelist} when the team had relisted or disputed it. */
    record OfferReactivated(OfferId offerId, boolean afterRelist) implements OfferEvent { }

    /** A report after a relist or dispute still shows the offer closed: other causes (stock, policy) may block it. */
    record StillClosedAfterRelist(OfferId offerId, ActionRecord relist) implements OfferEvent { }

    record Relisted(OfferId offerId, ActionRecord action) implements OfferEvent { }

    record Disputed(OfferId offerId, ActionRecord action) implements OfferEvent { }

    record RemedyRecorded(OfferId offerId, ActionRecord action) implements OfferEvent { }

    record Snoozed(OfferId offerId, ActionRecord action) implements OfferEvent { }

    /** A closed offer has had no action for a while; {@code escalated} on the last reminder. */
    record ReminderDue(OfferId offerId, int number, boolean escalated) implements OfferEvent { }
}
