package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.util.Objects;

/** Grant or revoke the operator role for the channel's seller account (admins only). */
public interface ManageOperators {
    record OperatorCommand(Actor actor, SlackUserId user) {
        public OperatorCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(user, "user");
        }
    }

    /** Who now has the role, for the reply. */
    record OperatorChange(SellerAccountId account, SlackUserId user, boolean changed) { }

    OperatorChange grant(OperatorCommand command);

    OperatorChange revoke(OperatorCommand command);
}
