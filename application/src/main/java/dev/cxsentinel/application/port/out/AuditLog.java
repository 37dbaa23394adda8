package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.List;

/** Append-only: entries are never changed or removed. */
public interface AuditLog {
    void append(AuditEntry entry);

    /**
     * Records a team member's action on an offer ({@link AuditEntry#ofOfferAction}), after the offer, whose history
     * holds the action, was written. Unlike {@link #append}, a store may keep this line less durably than the offer and
     * rebuild it from the offer's history after an unclean stop: the offer's write is then the action's one durable
     * write.
     */
    void appendOfferAction(OfferId offer, ActionRecord action);

    List<AuditEntry> recent(SellerAccountId account, int limit);
}
