package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.List;

/** Append-only: entries are never changed or removed. */
public interface AuditLog {
    void append(AuditEntry entry);

    List<AuditEntry> recent(SellerAccountId account, int limit);
}
