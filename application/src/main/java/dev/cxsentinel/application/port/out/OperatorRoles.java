package dev.cxsentinel.application.port.out;

import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.util.List;

/** Who may act for a seller account. */
public interface OperatorRoles {
    boolean isOperator(SellerAccountId account, SlackUserId user);

    List<SlackUserId> operators(SellerAccountId account);

    /** Idempotent. */
    void grant(SellerAccountId account, SlackUserId user);

    /** Idempotent; returns whether the user had the role. */
    boolean revoke(SellerAccountId account, SlackUserId user);
}
