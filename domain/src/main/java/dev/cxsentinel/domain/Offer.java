package dev.cxsentinel.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The offer aggregate (Angebot): the latest observed CX data, the offer's status, its customer comments and
 * the full history of what the team did. Immutable: every operation returns a {@link Transition} with the new
 * offer and the events it caused, or throws a {@link DomainException} and changes nothing.
 *
 * <p>Its size is the size of its rules: every rule about one offer (closing, relisting, disputing, remedies,
 * snoozes, reminders, snapshots and their history) lives here, as in dddsample's {@code Cargo}, so no caller can
 * change an offer past them.
 *
 * <p>{@code version} is the stored version this value was loaded at (0 for a new offer); the repository writes
 * with it in the filter, so of two concurrent writers exactly one wins.
 */
public record Offer(OfferId id, CxObservation observed, OfferStatus status, List<CustomerComment> comments,
                    List<ActionRecord> history, List<HealthPoint> trend, Instant snoozedUntil, Instant closedNoticedAt,
                    int remindersSent, long version) {

    public static final int MAX_COMMENTS = 20;
    public static final Duration MAX_SNOOZE = Duration.ofDays(30);

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(status, "status");
        comments = List.copyOf(comments);
        history = List.copyOf(history);
        trend = List.copyOf(trend);
        if (remindersSent < 0 || version < 0) {
            throw new IllegalArgumentException("negative reminder count or version");
        }
        if (status == OfferStatus.RELIST_PENDING && history.stream().noneMatch(a -> a.type() == ActionType.RELISTED || a.type() == ActionType.DISPUTED)) {
            throw new IllegalArgumentException("an offer is relist pending only after a relist or dispute");
        }
    }

    public Asin asin() {
        return observed.asin();
    }

    public String productName() {
        return observed.productName();
    }

    public FulfilmentChannel channel() {
        return observed.channel();
    }

    public CxHealth health() {
        return observed.health();
    }

    public NcxRate ncxRate() {
        return observed.ncxRate();
    }

    public Integer ncxOrders() {
        return observed.ncxOrders();
    }

    public Integer totalOrders() {
        return observed.totalOrders();
    }

    public NcxReason topReason() {
        return observed.topReason();
    }

    public LocalDate closedDate() {
        return observed.closedDate();
    }

    /** The result of an operation: the offer after it, and what happened. No events and an equal offer means nothing changed. */
    public record Transition(Offer before, Offer after, List<OfferEvent> events, boolean stale) {
        public Transition {
            events = List.copyOf(events);
        }

        public Transition(Offer before, Offer after, List<OfferEvent> events) {
            this(before, after, events, false);
        }

        public boolean changed() {
            return before == null || !before.equals(after);
        }
    }

    /** An offer seen for the first time. */
    public static Transition discover(OfferId id, CxObservation seen, Instant now) {
        OfferStatus status = seen.closed() ? OfferStatus.CLOSED : OfferStatus.ACTIVE;
        CxObservation dated = seen.asOfOr(today(now));
        Offer offer = new Offer(id, dated, status, List.of(), List.of(), List.of(HealthPoint.of(dated, status, dated.asOf())), null,
                seen.closed() ? now : null, 0, 0);
        List<OfferEvent> events = new ArrayList<>();
        events.add(new OfferEvent.OfferDiscovered(id, seen.health()));
        if (seen.closed()) {
            events.add(new OfferEvent.OfferClosed(id, seen.closedDate()));
        }
        return new Transition(null, offer, events);
    }

    /**
     * Applies a report row: status and health transitions become events; unchanged data changes nothing. A row
     * from a snapshot older than the one stored is stale and changes nothing; a closed row from a snapshot taken
     * no later than the day of the team's relist updates the figures but cannot say "still closed after relist".
     */
    public Transition observe(CxObservation seen, Instant now) {
        if (isOlderThanStored(seen)) {
            return new Transition(this, this, List.of(), true);
        }
        // A row without a "Last updated" date is as of the import; that date is stored only with a real change, so
        // an unchanged daily re-import still writes nothing.
        CxObservation merged = seen.asOfOr(today(now)).completedBy(observed);
        if (seen.closed() && status == OfferStatus.RELIST_PENDING && predatesLastRelist(seen)) {
            Offer after = new Offer(id, merged, status, comments, history, trendWith(merged, status), snoozedUntil, closedNoticedAt,
                    remindersSent, version);
            return new Transition(this, after, List.of(), true);
        }
        List<OfferEvent> events = new ArrayList<>();
        OfferStatus newStatus = status;
        Instant newClosedNoticedAt = closedNoticedAt;
        int newReminders = remindersSent;
        if (seen.closed()) {
            LocalDate closedDate = closedDate();
            boolean reclosed = status == OfferStatus.ACTIVE
                    || (status == OfferStatus.CLOSED && seen.closedDate() != null && closedDate != null && seen.closedDate().isAfter(closedDate));
            if (status == OfferStatus.RELIST_PENDING) {
                events.add(new OfferEvent.StillClosedAfterRelist(id, lastRelistOrDispute().orElseThrow()));
            } else if (reclosed) {
                events.add(new OfferEvent.OfferClosed(id, seen.closedDate()));
            }
            if (status != OfferStatus.CLOSED || reclosed) {
                newClosedNoticedAt = now;
                newReminders = 0;
            }
            newStatus = OfferStatus.CLOSED;
        } else if (status != OfferStatus.ACTIVE) {
            events.add(new OfferEvent.OfferReactivated(id, status == OfferStatus.RELIST_PENDING));
            newStatus = OfferStatus.ACTIVE;
            newClosedNoticedAt = null;
            newReminders = 0;
        }
        healthEvent(seen.health()).ifPresent(events::add);
        Offer after = new Offer(id, merged, newStatus, comments, history, trendWith(merged, newStatus), snoozedUntil, newClosedNoticedAt,
                newReminders, version);
        if (events.isEmpty() && after.withObserved(merged.withAsOf(observed.asOf())).withTrend(trend).equals(this)) {
            return new Transition(this, this, List.of());
        }
        return new Transition(this, after, events);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private Offer withObserved(CxObservation newObserved) {
        return new Offer(id, newObserved, status, comments, history, trend, snoozedUntil, closedNoticedAt, remindersSent, version);
    }

    private Offer withTrend(List<HealthPoint> newTrend) {
        return new Offer(id, observed, status, comments, history, newTrend, snoozedUntil, closedNoticedAt, remindersSent, version);
    }

    private List<HealthPoint> trendWith(CxObservation seen, OfferStatus newStatus) {
        return HealthPoint.add(trend, HealthPoint.of(seen, newStatus, seen.asOf()));
    }

    /** The row comes from a snapshot dated before the one this offer was last seen in. */
    public boolean isOlderThanStored(CxObservation seen) {
        return seen.asOf() != null && observed.asOf() != null && seen.asOf().isBefore(observed.asOf());
    }

    private boolean predatesLastRelist(CxObservation seen) {
        return seen.asOf() != null && lastRelistOrDispute()
                .map(a -> !seen.asOf().isAfter(a.at().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                .orElse(false);
    }

    private Optional<OfferEvent> healthEvent(CxHealth seen) {
        CxHealth health = health();
        if (seen == health) {
            return Optional.empty();
        }
        if (seen.isWorseThan(health)) {
            return Optional.of(new OfferEvent.HealthDegraded(id, health, seen));
        }
        if (health.isWorseThan(seen)) {
            return Optional.of(new OfferEvent.HealthImproved(id, health, seen));
        }
        return Optional.of(new OfferEvent.HealthChanged(id, health, seen));
    }

    /** Adds comments not seen before and keeps the newest {@link #MAX_COMMENTS}. Comments alone raise no event. */
    public Transition addComments(List<CustomerComment> newComments) {
        List<CustomerComment> merged = new ArrayList<>();
        for (CustomerComment old : comments) {
            if (newComments.stream().noneMatch(old::sameAs)) {
                merged.add(old);
            }
        }
        for (CustomerComment c : newComments) {
            if (merged.stream().noneMatch(c::sameAs)) {
                merged.add(c);
            }
        }
        List<CustomerComment> kept = merged.stream()
                .sorted(Comparator.comparing(CustomerComment::date).reversed())
                .limit(MAX_COMMENTS)
                .toList();
        return new Transition(this, withComments(kept), List.of());
    }

    /** Erneut anbieten: the team reactivates a closed offer. */
    public Transition relist(SlackUserId actor, String note, Instant now) {
        requireClosed("relisted");
        ActionRecord action = new ActionRecord(ActionType.RELISTED, actor, now, note, null, null, null);
        return new Transition(this, withAction(action, OfferStatus.RELIST_PENDING), List.of(new OfferEvent.Relisted(id, action)));
    }

    /** Widerspruch gegen die Schließung: contest the closure with a reason, and relist at once. */
    public Transition dispute(SlackUserId actor, DisputeReason reason, String note, Instant now) {
        if (reason == null) {
            throw new ExplanationRequiredException(ExplanationRequiredException.Missing.REASON);
        }
        if (reason == DisputeReason.OTHER && (note == null || note.isBlank())) {
            throw new ExplanationRequiredException(ExplanationRequiredException.Missing.NOTE);
        }
        requireClosed("disputed");
        ActionRecord action = new ActionRecord(ActionType.DISPUTED, actor, now, note, reason, null, null);
        return new Transition(this, withAction(action, OfferStatus.RELIST_PENDING), List.of(new OfferEvent.Disputed(id, action)));
    }

    /** Records a Maßnahme the team took in Seller Central. */
    public Transition recordRemedy(SlackUserId actor, Remedy remedy, String note, Instant now) {
        Objects.requireNonNull(remedy, "remedy");
        if (!remedy.isAllowedFor(channel())) {
            throw new RemedyNotAllowedException(id, remedy);
        }
        ActionRecord action = new ActionRecord(ActionType.REMEDY_RECORDED, actor, now, note, null, remedy, null);
        return new Transition(this, withAction(action, status), List.of(new OfferEvent.RemedyRecorded(id, action)));
    }

    /** Mutes every alert but closures until {@code until}. */
    public Transition snooze(SlackUserId actor, Instant until, String note, Instant now) {
        if (until == null || !until.isAfter(now)) {
            throw new InvalidSnoozeException(InvalidSnoozeException.Problem.IN_THE_PAST);
        }
        if (Duration.between(now, until).compareTo(MAX_SNOOZE) > 0) {
            throw new InvalidSnoozeException(InvalidSnoozeException.Problem.TOO_LONG);
        }
        ActionRecord action = new ActionRecord(ActionType.SNOOZED, actor, now, note, null, null, until);
        Offer after = new Offer(id, observed, status, comments, append(action), trend, until, closedNoticedAt, remindersSent, version);
        return new Transition(this, after, List.of(new OfferEvent.Snoozed(id, action)));
    }

    /**
     * A reminder is due when the offer has been closed for {@code interval × (reminders sent + 1)} with no
     * action since, at most {@code maxReminders} times; the last one is escalated. A snooze defers reminders.
     */
    public Optional<Transition> remindIfDue(Instant now, Duration interval, int maxReminders) {
        if (!awaitsReminder() || remindersSent >= maxReminders || isSnoozed(now)) {
            return Optional.empty();
        }
        Instant due = closedNoticedAt.plus(interval.multipliedBy(remindersSent + 1L));
        if (now.isBefore(due)) {
            return Optional.empty();
        }
        int number = remindersSent + 1;
        Offer after = new Offer(id, observed, status, comments, history, trend, snoozedUntil, closedNoticedAt, number, version);
        return Optional.of(new Transition(this, after, List.of(new OfferEvent.ReminderDue(id, number, number == maxReminders))));
    }

    /**
     * Closed, noticed, and nobody has acted on it since (a snooze is no action): reminders count from
     * {@link #closedNoticedAt()}, one per interval, unless snoozed. The store keeps a marker for such offers.
     */
    public boolean awaitsReminder() {
        return status == OfferStatus.CLOSED && closedNoticedAt != null
                && history.stream().noneMatch(a -> !a.at().isBefore(closedNoticedAt) && a.type() != ActionType.SNOOZED);
    }

    public boolean isSnoozed(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }

    public boolean needsAttention() {
        return attention().isPresent();
    }

    /** Why the offer needs attention, if it does: closed, relist pending, very poor, poor, in that order. */
    public Optional<Attention> attention() {
        if (status == OfferStatus.CLOSED) {
            return Optional.of(Attention.CLOSED);
        }
        if (status == OfferStatus.RELIST_PENDING) {
            return Optional.of(Attention.RELIST_PENDING);
        }
        if (health() == CxHealth.VERY_POOR) {
            return Optional.of(Attention.VERY_POOR);
        }
        return health() == CxHealth.POOR ? Optional.of(Attention.POOR) : Optional.empty();
    }

    /** Closed, and since the closure nobody relisted, disputed, recorded a remedy or snoozed it: an action is open. */
    public boolean awaitsAction(Instant now) {
        return status == OfferStatus.CLOSED && !remedyRecordedSinceClosure() && !isSnoozed(now);
    }

    /** The offer's figures as they stood on {@code day}: the last history point on or before it. */
    public Optional<HealthPoint> pointOn(LocalDate day) {
        for (int i = trend.size() - 1; i >= 0; i--) {
            if (!trend.get(i).date().isAfter(day)) {
                return Optional.of(trend.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean remedyRecordedSinceClosure() {
        return closedNoticedAt != null && history.stream()
                .anyMatch(a -> a.type() == ActionType.REMEDY_RECORDED && !a.at().isBefore(closedNoticedAt));
    }

    public Optional<ActionRecord> lastRelistOrDispute() {
        for (int i = history.size() - 1; i >= 0; i--) {
            ActionType type = history.get(i).type();
            if (type == ActionType.RELISTED || type == ActionType.DISPUTED) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    public List<Advice> advice() {
        return Advisor.advise(this);
    }

    public Offer withVersion(long newVersion) {
        return new Offer(id, observed, status, comments, history, trend, snoozedUntil, closedNoticedAt, remindersSent, newVersion);
    }

    private void requireClosed(String action) {
        if (status == OfferStatus.RELIST_PENDING) {
            throw new AlreadyRelistedException(id, lastRelistOrDispute().orElseThrow());
        }
        if (status != OfferStatus.CLOSED) {
            throw new OfferNotClosedException(id, action);
        }
    }

    private Offer withAction(ActionRecord action, OfferStatus newStatus) {
        return new Offer(id, observed, newStatus, comments, append(action), trend, snoozedUntil, closedNoticedAt, remindersSent, version);
    }

    private Offer withComments(List<CustomerComment> newComments) {
        return new Offer(id, observed, status, newComments, history, trend, snoozedUntil, closedNoticedAt, remindersSent, version);
    }

    private List<ActionRecord> append(ActionRecord action) {
        List<ActionRecord> newHistory = new ArrayList<>(history);
        newHistory.add(action);
        return newHistory;
    }
}
