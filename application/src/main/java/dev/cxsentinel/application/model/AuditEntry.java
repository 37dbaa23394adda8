package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.Objects;

/** One line of the append-only audit log: who did what to which target, when, with which details. */
public record AuditEntry(Instant at, String actor, SellerAccountId account, String action, String target, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    /**
     * The line for a team member's action on an offer. Built from the action the offer's history holds, so the line
     * written at the action and one rebuilt from the history after an unclean stop are the same.
     */
    public static AuditEntry ofOfferAction(OfferId offer, ActionRecord action) {
        return new AuditEntry(action.at(), action.actor().value(), offer.account(), name(action), offer.value(), describe(action));
    }

    private static String name(ActionRecord action) {
        return switch (action.type()) {
            case RELISTED -> "relist";
            case DISPUTED -> "dispute";
            case REMEDY_RECORDED -> "remedy";
            case SNOOZED -> "snooze";
        };
    }

    private static String describe(ActionRecord action) {
        StringBuilder b = new StringBuilder(action.type().name());
        if (action.reason() != null) {
            b.append(" reason=").append(action.reason());
        }
        if (action.remedy() != null) {
            b.append(" remedy=").append(action.remedy());
        }
        if (action.until() != null) {
            b.append(" until=").append(action.until());
        }
        if (!action.note().isEmpty()) {
            b.append(" note=").append(action.note());
        }
        return b.toString();
    }
}
