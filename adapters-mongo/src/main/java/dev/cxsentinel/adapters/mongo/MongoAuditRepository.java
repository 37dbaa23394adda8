package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/** The audit log (insert only: no entry is ever updated or deleted) and the import records (rewritten while an import runs). */
@Singleton
public class MongoAuditRepository implements AuditLog, ImportRecords {
    private final MongoCollection<Document> audit;
    private final MongoCollection<Document> imports;

    @Inject
    public MongoAuditRepository(MongoStore store) {
        this.audit = store.interactive().getCollection("audit");
        this.imports = store.database().getCollection("imports");
    }

    @Override
    public void append(AuditEntry e) {
        Document d = new Document("_id", UUID.randomUUID().toString()).append("schema", OfferMapper.SCHEMA)
                .append("at", Date.from(e.at())).append("actor", e.actor())
                .append("account", e.account() == null ? null : e.account().value())
                .append("action", e.action()).append("target", e.target()).append("detail", e.detail());
        Guard.run(() -> audit.insertOne(d));
    }

    @Override
    public List<AuditEntry> recent(SellerAccountId account, int limit) {
        return Guard.call(() -> {
            List<AuditEntry> result = new ArrayList<>();
            audit.find(eq("account", account.value())).sort(Sorts.descending("at")).limit(limit).forEach(d -> result.add(
                    new AuditEntry(d.getDate("at").toInstant(), d.getString("actor"),
                            d.getString("account") == null ? null : new SellerAccountId(d.getString("account")),
                            d.getString("action"), d.getString("target"), d.getString("detail"))));
            return result;
        });
    }

    @Override
    public void save(ImportRecord r) {
        Document d = new Document("_id", r.id()).append("schema", OfferMapper.SCHEMA)
                .append("account", r.account().value()).append("importedBy", r.importedBy())
                .append("startedAt", Date.from(r.startedAt())).append("finishedAt", Date.from(r.finishedAt()))
                .append("files", r.files()).append("rowsRead", r.rowsRead()).append("offersNew", r.offersNew())
                .append("offersChanged", r.offersChanged()).append("offersUnchanged", r.offersUnchanged())
                .append("commentsAdded", r.commentsAdded()).append("alertsOwed", r.alertsOwed())
                .append("digestLines", r.digestLines()).append("rowsRejected", r.rowsRejected()).append("applied", r.applied())
                .append("state", r.state().name());
        Guard.run(() -> imports.replaceOne(eq("_id", r.id()), d, new ReplaceOptions().upsert(true)));
    }

    @Override
    public List<ImportRecord> runningSince(Instant lastBatchBefore) {
        return Guard.call(() -> {
            List<ImportRecord> result = new ArrayList<>();
            imports.find(and(eq("state", ImportRecord.State.RUNNING.name()), lt("finishedAt", Date.from(lastBatchBefore))))
                    .forEach(d -> result.add(record(d)));
            return result;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ImportRecord> recentImports(SellerAccountId account, int limit) {
        return Guard.call(() -> {
            List<ImportRecord> result = new ArrayList<>();
            imports.find(eq("account", account.value())).sort(Sorts.descending("startedAt")).limit(limit).forEach(d -> result.add(record(d)));
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static ImportRecord record(Document d) {
        return new ImportRecord(d.getString("_id"), new SellerAccountId(d.getString("account")), d.getString("importedBy"),
                d.getDate("startedAt").toInstant(), d.getDate("finishedAt").toInstant(), (List<String>) d.get("files"),
                OfferMapper.number(d.get("rowsRead")), OfferMapper.number(d.get("offersNew")),
                OfferMapper.number(d.get("offersChanged")), OfferMapper.number(d.get("offersUnchanged")),
                OfferMapper.number(d.get("commentsAdded")), OfferMapper.number(d.get("alertsOwed")),
                OfferMapper.number(d.get("digestLines")), OfferMapper.number(d.get("rowsRejected")),
                d.getBoolean("applied", true), ImportRecord.State.valueOf(d.getString("state") == null ? "FINISHED" : d.getString("state")));
    }
}
