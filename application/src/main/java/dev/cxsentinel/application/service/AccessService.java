package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.ChannelNotLinkedException;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what. Reading needs a linked channel (Slack's channel membership is the gate); acting needs the
 * operator role for the account, or admin; administering needs admin. Every denial says why and whom to ask.
 */
@Singleton
public class AccessService implements ResolveAccount {
    private final ChannelLinks links;
    private final OperatorRoles roles;
    private final Admins admins;

    @Inject
    public AccessService(ChannelLinks links, OperatorRoles roles, Admins admins) {
        this.links = links;
        this.roles = roles;
        this.admins = admins;
    }

    @Override
    public Optional<ChannelLink> linkOf(Actor actor) {
        return links.find(actor.channel());
    }

    ChannelLink requireLink(Actor actor) {
        return linkOf(actor).orElseThrow(() -> new ChannelNotLinkedException(actor.channel()));
    }

    @Override
    public boolean isAdmin(Actor actor) {
        return admins.contains(actor.user());
    }

    @Override
    public void requireOperator(Actor actor, SellerAccountId account) {
        if (!isAdmin(actor) && !roles.isOperator(account, actor.user())) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_OPERATOR, account.value(), adminIds());
        }
    }

    void requireAdmin(Actor actor, AccessDeniedException.Reason whatFor) {
        if (!isAdmin(actor)) {
            throw new AccessDeniedException(whatFor, null, adminIds());
        }
    }

    private List<String> adminIds() {
        return admins.users().stream().map(SlackUserId::value).sorted().toList();
    }
}
