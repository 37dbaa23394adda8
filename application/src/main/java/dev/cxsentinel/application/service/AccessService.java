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
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Collectors;

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
            throw new AccessDeniedException("You need the operator role for seller account " + account
                    + " to act on its offers. Ask an admin" + adminList() + " to run `/cx grant @you`.");
        }
    }

    void requireAdmin(Actor actor, String what) {
        if (!isAdmin(actor)) {
            throw new AccessDeniedException("Only CX Sentinel admins can " + what + ". Admins are listed in CX_ADMINS"
                    + adminList() + ".");
        }
    }

    private String adminList() {
        if (admins.users().isEmpty()) {
            return " (none is configured yet: set CX_ADMINS)";
        }
        return " (" + admins.users().stream().map(u -> "<@" + u.value() + ">").sorted().collect(Collectors.joining(", ")) + ")";
    }
}
