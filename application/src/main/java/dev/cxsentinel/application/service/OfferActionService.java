package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.ActionResult;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.OfferQuery;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.in.SnoozeOffer;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.Offer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The team's actions on one offer. Each runs the domain operation on the freshly loaded offer and writes it with
 * the version it was loaded at. When another writer won, the offer is loaded again and the operation re-run, so
 * the domain decides with the winner's state: a second relist gets "already relisted by …".
 */
@Singleton
public class OfferActionService implements RelistOffer, DisputeClosure, RecordRemedy, SnoozeOffer {

    private final AccessService access;
    private final OfferLocator locator;
    private final LoadOffer loadOffer;
    private final SaveOffer saveOffer;
    private final ChannelLinks links;
    private final AuditLog audit;
    private final Clock clock;
    private final DispatchSignal signal;

    @Inject
    public OfferActionService(AccessService access, OfferLocator locator, LoadOffer loadOffer, SaveOffer saveOffer,
                              ChannelLinks links, AuditLog audit, Clock clock, DispatchSignal signal) {
        this.access = access;
        this.locator = locator;
        this.loadOffer = loadOffer;
        this.saveOffer = saveOffer;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public ActionResult relist(RelistOfferCommand c) {
        return act(c.actor(), c.offer(), (offer, now) -> offer.relist(c.actor().user(), c.note(), now));
    }

    @Override
    public ActionResult dispute(DisputeClosureCommand c) {
        return act(c.actor(), c.offer(), (offer, now) -> offer.dispute(c.actor().user(), c.reason(), c.note(), now));
    }

    @Override
    public ActionResult recordRemedy(RecordRemedyCommand c) {
        return act(c.actor(), c.offer(), (offer, now) -> offer.recordRemedy(c.actor().user(), c.remedy(), c.note(), now));
    }

    @Override
    public ActionResult snooze(SnoozeOfferCommand c) {
        return act(c.actor(), c.offer(), (offer, now) -> offer.snooze(c.actor().user(), now.plus(c.duration()), c.note(), now));
    }

    private ActionResult act(Actor actor, OfferQuery query, BiFunction<Offer, Instant, Offer.Transition> operation) {
        ChannelLink link = access.requireLink(actor);
        access.requireOperator(actor, link.account());
        Offer located = locator.locate(link.account(), query);
        return ConflictRetry.run(attempt -> {
            Offer offer = attempt == 1 ? located
                    : loadOffer.load(located.id()).orElseThrow(() -> new ConcurrentUpdateException(located.id()));
            Instant now = clock.now();
            Offer.Transition transition = operation.apply(offer, now);
            NotificationPlanner.Plan plan = NotificationPlanner.plan(transition, links.findByAccount(link.account()), now);
            saveOffer.save(new OfferChange(transition.after(), false, plan.owed()));
            ActionRecord action = transition.after().history().get(transition.after().history().size() - 1);
            audit.appendOfferAction(offer.id(), action);
            if (!plan.owed().isEmpty()) {
                signal.notificationsOwed();
            }
            return new ActionResult(transition.after().withVersion(transition.after().version() + 1), action);
        });
    }
}
