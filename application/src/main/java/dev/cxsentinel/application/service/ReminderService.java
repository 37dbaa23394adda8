package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.port.in.SendReminders;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Owes a reminder for each closed offer that waited {@link AlertSettings#reminderInterval()} without action. */
@Singleton
public class ReminderService implements SendReminders {
    private final FindOffers findOffers;
    private final LoadOffer loadOffer;
    private final SaveOffer saveOffer;
    private final ChannelLinks links;
    private final Clock clock;
    private final AlertSettings settings;
    private final DispatchSignal signal;

    @Inject
    public ReminderService(FindOffers findOffers, LoadOffer loadOffer, SaveOffer saveOffer, ChannelLinks links, Clock clock,
                           AlertSettings settings, DispatchSignal signal) {
        this.loadOffer = loadOffer;
        this.findOffers = findOffers;
        this.saveOffer = saveOffer;
        this.links = links;
        this.clock = clock;
        this.settings = settings;
        this.signal = signal;
    }

    @Override
    public int remindDue() {
        int owed = 0;
        List<OfferId> due = findOffers.dueForReminder(clock.now(), settings.reminderInterval(), settings.maxReminders());
        for (List<OfferId> batch : ImportService.batches(due)) {
            for (Offer offer : loadOffer.loadAll(batch).values()) {
                owed += remind(offer);
            }
        }
        if (owed > 0) {
            signal.notificationsOwed();
        }
        return owed;
    }

    /** A conflict (someone acted meanwhile) is decided again on the stored offer, by the one conflict policy. */
    private int remind(Offer offer) {
        return ConflictRetry.run(attempt -> {
            Offer current = attempt == 1 ? offer : loadOffer.load(offer.id()).orElse(null);
            Instant now = clock.now();
            Optional<Offer.Transition> due = current == null ? Optional.empty()
                    : current.remindIfDue(now, settings.reminderInterval(), settings.maxReminders());
            if (due.isEmpty()) {
                return 0;
            }
            NotificationPlanner.Plan plan = NotificationPlanner.plan(due.get(), links.findByAccount(current.id().account()), now);
            saveOffer.save(new OfferChange(due.get().after(), false, plan.owed()));
            return plan.owed().size();
        });
    }
}
