package dev.cxsentinel.application.model;

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
}
