package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.List;

public interface ImportRecords {
    /** Creates or replaces the record of {@code record.id()}. */
    void save(ImportRecord record);

    /** Imports still recorded as running whose last batch was before {@code lastBatchBefore}: their process is gone. */
    List<ImportRecord> runningSince(Instant lastBatchBefore);

    List<ImportRecord> recentImports(SellerAccountId account, int limit);
}
