package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.LinkChannel;
import dev.cxsentinel.application.port.in.ManageOperators;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.OperatorRoles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Linking channels and managing the operator role: admins only, every change audited. */
@Singleton
public class AdministrationService implements LinkChannel, ManageOperators {
    private final AccessService access;
    private final ChannelLinks links;
    private final OperatorRoles roles;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public AdministrationService(AccessService access, ChannelLinks links, OperatorRoles roles, AuditLog audit, Clock clock) {
        this.access = access;
        this.links = links;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ChannelLink link(LinkChannelCommand command) {
        access.requireAdmin(command.actor(), AccessDeniedException.Reason.NOT_ADMIN_TO_LINK);
        ChannelLink link = new ChannelLink(command.actor().channel(), command.account(), command.language(),
                command.actor().user(), clock.now(), command.defaultMarketplace());
        links.save(link);
        audit.append(new AuditEntry(link.linkedAt(), command.actor().user().value(), command.account(), "link",
                command.actor().channel().value(), "language=" + command.language()
                + (command.defaultMarketplace() == null ? "" : " marketplace=" + command.defaultMarketplace())));
        return link;
    }

    @Override
    public OperatorChange grant(OperatorCommand command) {
        access.requireAdmin(command.actor(), AccessDeniedException.Reason.NOT_ADMIN_TO_GRANT);
        ChannelLink link = access.requireLink(command.actor());
        boolean had = roles.isOperator(link.account(), command.user());
        roles.grant(link.account(), command.user());
        audit.append(new AuditEntry(clock.now(), command.actor().user().value(), link.account(), "grant",
                command.user().value(), "operator"));
        return new OperatorChange(link.account(), command.user(), !had);
    }

    @Override
    public OperatorChange revoke(OperatorCommand command) {
        access.requireAdmin(command.actor(), AccessDeniedException.Reason.NOT_ADMIN_TO_REVOKE);
        ChannelLink link = access.requireLink(command.actor());
        boolean had = roles.revoke(link.account(), command.user());
        audit.append(new AuditEntry(clock.now(), command.actor().user().value(), link.account(), "revoke",
                command.user().value(), "operator"));
        return new OperatorChange(link.account(), command.user(), had);
    }
}
