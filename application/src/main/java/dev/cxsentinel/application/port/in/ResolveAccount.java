package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.Optional;

/** What the actor's conversation is linked to, and whether the actor may act for an account. */
public interface ResolveAccount {
    Optional<ChannelLink> linkOf(Actor actor);

    /** Throws {@link dev.cxsentinel.application.model.AccessDeniedException} with the reason when not allowed. */
    void requireOperator(Actor actor, SellerAccountId account);

    boolean isAdmin(Actor actor);
}
