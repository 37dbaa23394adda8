package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.AmbiguousOfferException;
import dev.cxsentinel.application.model.ApplicationException;
import dev.cxsentinel.application.model.ChannelNotLinkedException;
import dev.cxsentinel.application.model.OfferNotFoundException;
import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.domain.AlreadyRelistedException;
import dev.cxsentinel.domain.DomainException;
import dev.cxsentinel.domain.ExplanationRequiredException;
import dev.cxsentinel.domain.InvalidSnoozeException;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferNotClosedException;
import dev.cxsentinel.domain.RemedyNotAllowedException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A refusal in the user's language, from the refusal's code and arguments: what was wrong and what to do.
 * Untrusted parts are escaped. The words are in the message catalogs ({@code error.*}).
 */
final class ErrorText {
    private ErrorText() {
    }

    static String describe(RuntimeException e, Language l) {
        if (e instanceof AlreadyRelistedException already) {
            return Messages.get(l, "error.already-relisted." + already.previous().type(),
                    SlackText.mention(already.previous().actor()), SlackText.time(already.previous().at()));
        }
        if (e instanceof AccessDeniedException denied) {
            return ":no_entry: " + accessDenied(denied, l);
        }
        String text = refusal(e, l);
        return ":warning: " + (text != null ? text : Messages.get(l, "error.generic"));
    }

    private static String refusal(RuntimeException e, Language l) {
        if (e instanceof OfferNotClosedException n) {
            return Messages.get(l, "error.offer-not-closed", SlackText.code(n.offerId().sku().value() + "@" + n.offerId().marketplace().code()));
        }
        if (e instanceof ExplanationRequiredException x) {
            return Messages.get(l, "error.explanation-required." + x.missing().name().toLowerCase(Locale.ROOT));
        }
        if (e instanceof RemedyNotAllowedException r) {
            return Messages.get(l, "error.remedy-not-allowed", Messages.get(l, "advice.name." + r.remedy().name()),
                    SlackText.code(r.offerId().sku().value() + "@" + r.offerId().marketplace().code()));
        }
        if (e instanceof InvalidSnoozeException s) {
            return Messages.get(l, s.problem() == InvalidSnoozeException.Problem.IN_THE_PAST ? "error.invalid-snooze.past" : "error.invalid-snooze.long");
        }
        if (e instanceof ChannelNotLinkedException) {
            return Messages.get(l, "error.channel-not-linked");
        }
        if (e instanceof StoreUnavailableException unavailable) {
            return Messages.get(l, unavailable.diskFull() ? "error.store-full" : "error.store-unavailable");
        }
        if (e instanceof OfferNotFoundException n) {
            return Messages.get(l, "error.offer-not-found", n.account(), SlackText.code(n.query()));
        }
        if (e instanceof AmbiguousOfferException a) {
            String matches = a.matches().stream().map(o -> SlackText.code(OfferText.handle(o)) + " (ASIN " + o.asin() + ")")
                    .collect(Collectors.joining(", "));
            return Messages.get(l, "error.ambiguous-offer", SlackText.code(a.query()), a.matches().size(), matches,
                    SlackText.code(OfferText.handle(a.matches().get(0))));
        }
        if (e instanceof InvalidValueException v) {
            return Messages.get(l, "error.invalid-value", SlackText.escape(Messages.field(v.field(), l)),
                    SlackText.code(SlackText.cut(v.found() == null ? "" : v.found(), 60)), SlackText.escape(Messages.expected(v.expected(), l)));
        }
        if (e instanceof DomainException || e instanceof ApplicationException) {
            return SlackText.escape(e.getMessage());
        }
        return null;
    }

    private static String accessDenied(AccessDeniedException e, Language l) {
        String admins = Messages.get(l, "error.admins.list", e.admins().isEmpty() ? "CX_ADMINS"
                : e.admins().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", ")));
        return switch (e.reason()) {
            case NOT_OPERATOR -> Messages.get(l, "error.access-denied.operator", e.account(), admins);
            case NOT_ADMIN_TO_LINK -> Messages.get(l, "error.access-denied.admin.link", admins);
            case NOT_ADMIN_TO_GRANT -> Messages.get(l, "error.access-denied.admin.grant", admins);
            case NOT_ADMIN_TO_REVOKE -> Messages.get(l, "error.access-denied.admin.revoke", admins);
            case FOREIGN_CARD -> Messages.get(l, "error.access-denied.foreign-card");
        };
    }

    static boolean isExpected(RuntimeException e) {
        return e instanceof DomainException || e instanceof ApplicationException;
    }
}
