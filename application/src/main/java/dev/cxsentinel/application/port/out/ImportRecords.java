package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.List;

public interface ImportRecords {
    void save(ImportRecord record);

    List<ImportRecord> recentImports(SellerAccountId account, int limit);
}
