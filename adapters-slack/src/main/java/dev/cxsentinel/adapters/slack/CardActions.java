package dev.cxsentinel.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SlackUserId;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert card's buttons and selects (relist, remedy, snooze) and the same buttons on App Home: acknowledged at
 * once, acted on in the background, answered to the presser only. A button acts on the exact offer written in it;
 * one of an unknown shape (an old card) is answered as out of date; a refused one shows the offer's current state
 * only where the presser may read it.
 */
final class CardActions {
    private static final Logger LOG = LoggerFactory.getLogger(CardActions.class);

    private final ShowOffer showOffer;
    private final ResolveAccount resolveAccount;
    private final AppHome home;
    private final Executor work;

    CardActions(ShowOffer showOffer, ResolveAccount resolveAccount, AppHome home, Executor work) {
        this.showOffer = showOffer;
        this.resolveAccount = resolveAccount;
        this.home = home;
        this.work = work;
    }

    interface TargetAction {
        Object run(ActionTarget target);
    }

    static String user(BlockActionRequest req) {
        return req.getPayload().getUser().getId();
    }

    Response act(BlockActionRequest req, ActionContext ctx, boolean select, TargetAction action) {
        BlockActionPayload.Action a = req.getPayload().getActions().get(0);
        String value = select ? (a.getSelectedOption() == null ? null : a.getSelectedOption().getValue()) : a.getValue();
        String user = user(req);
        boolean fromHome = req.getPayload().getView() != null && "home".equals(req.getPayload().getView().getType());
        ActionTarget parsed = target(value, select);
        if (parsed == null) {
            work.execute(() -> respond(ctx, Messages.get(Language.EN, "card.outdated")));
            return ctx.ack();
        }
        work.execute(() -> {
            ActionTarget target = parsed;
            Language l = language(target.channel());
            String answer;
            try {
                action.run(target);
                answer = ":white_check_mark: " + done(target, l);
            } catch (RuntimeException e) {
                answer = ErrorText.describe(e, l) + currentState(target, user, l);
            }
            if (fromHome) {
                home.publish(user, answer);
            } else {
                respond(ctx, answer);
            }
        });
        return ctx.ack();
    }

    /** The target a button names; null for a value of another shape (an old card, or not ours), logged safely. */
    static ActionTarget target(String value, boolean select) {
        try {
            return ActionTarget.parse(value, select);
        } catch (RuntimeException e) {
            LOG.info("a button with an unknown value was pressed: {}", SlackText.forLog(value));
            return null;
        }
    }

    private static String done(ActionTarget t, Language l) {
        return Messages.get(l, "done.button", SlackText.code(t.offer().sku().value() + "@" + t.offer().marketplace().code()));
    }

    /** An outdated button answers with the offer's current state. */
    private String currentState(ActionTarget target, String user, Language l) {
        try {
            Offer offer = showOffer.show(new ShowOffer.ShowOfferCommand(target.actor(user), target.query())).offer();
            return "\n" + Messages.get(l, "current", OfferText.summary(offer, l));
        } catch (RuntimeException e) {
            return "";
        }
    }

    static void respond(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (Exception e) {
            LOG.warn("could not answer an action: {}", e.getMessage());
        }
    }

    private Language language(ChannelId channel) {
        return language(resolveAccount, channel);
    }

    static Language language(ResolveAccount resolveAccount, ChannelId channel) {
        return resolveAccount.linkOf(new Actor(SlackUserId.CONSOLE, channel)).map(ChannelLink::language).orElse(Language.EN);
    }
}
