package dev.cxsentinel.application.model;

import java.util.List;

/**
 * The user may not do this. {@link #reason()} says which role is needed, {@link #account()} for which seller
 * account, {@link #admins()} whom to ask; the adapters put it into words.
 */
public final class AccessDeniedException extends ApplicationException {
    /** Why the request was refused. */
    public enum Reason { NOT_OPERATOR, NOT_ADMIN_TO_LINK, NOT_ADMIN_TO_GRANT, NOT_ADMIN_TO_REVOKE, FOREIGN_CARD }

    private final Reason reason;
    private final String account;
    private final List<String> admins;

    public AccessDeniedException(Reason reason, String account, List<String> admins) {
        super("access-denied", "access denied (" + reason + (account == null ? "" : " for " + account) + ")");
        this.reason = reason;
        this.account = account;
        this.admins = List.copyOf(admins);
    }

    public Reason reason() {
        return reason;
    }

    public String account() {
        return account;
    }

    public List<String> admins() {
        return admins;
    }
}
