package dev.cxsentinel.adapters.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The audit log (insert only: no entry is ever updated or deleted) and the import records (rewritten while an import
 * runs). Team members' actions on offers are kept apart, in {@code offer_actions}, under an id made of the offer, the
 * time and the kind of action: the offer's history holds every such action, so after an unclean stop they are
 * rebuilt from it ({@link #rebuildOfferActions}) and the embedded store need not commit them on their own; a relist
 * is then one file commit (the offer with the notifications it owes). Both are read as one log.
 */
@Singleton
public class MongoAuditRepository implements AuditLog, ImportRecords {
    static final String OFFER_ACTIONS = "offer_actions";
    private final MongoCollection<Document> audit;
    private final MongoCollection<Document> offerActions;
    private final MongoCollection<Document> imports;
    private final MongoCollection<Document> offers;

    @Inject
    public MongoAuditRepository(MongoStore store) {
        this.audit = store.interactive().getCollection("audit");
        this.offerActions = store.interactive().getCollection(OFFER_ACTIONS);
        this.imports = store.database().getCollection("imports");
        this.offers = store.database().getCollection(OfferDocuments.OFFERS);
    }

    @Override
    public void append(AuditEntry e) {
        Guard.run(() -> audit.insertOne(document(UUID.randomUUID().toString(), e)));
    }

    @Override
    public void appendOfferAction(OfferId offer, ActionRecord action) {
        Guard.run(() -> {
            try {
                offerActions.insertOne(document(actionId(offer, action), AuditEntry.ofOfferAction(offer, action)));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) { // already rebuilt from the history
                    throw e;
                }
            }
        });
    }

    /** Writes the line of every action the offers' histories hold that the log lacks; returns how many offers have any. */
    public int rebuildOfferActions() {
        return Guard.call(() -> {
            int offersWithActions = 0;
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Document d : offers.find(new Document("history.0", new Document("$exists", true)))
                    .projection(Projections.include("history"))) {
                OfferId offer = OfferId.parse(d.getString("_id"));
                offersWithActions++;
                for (ActionRecord action : OfferMapper.history(d)) {
                    String id = actionId(offer, action);
                    writes.add(new ReplaceOneModel<>(eq("_id", id), document(id, AuditEntry.ofOfferAction(offer, action)),
                            new ReplaceOptions().upsert(true)));
                }
                if (writes.size() >= 1000) {
                    offerActions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                    writes.clear();
                }
            }
            if (!writes.isEmpty()) {
                offerActions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            return offersWithActions;
        });
    }

    private static String actionId(OfferId offer, ActionRecord action) {
        return offer.value() + "|" + action.at().toEpochMilli() + "|" + action.type().name();
    }

    private static Document document(String id, AuditEntry e) {
        return new Document("_id", id).append("schema", OfferMapper.SCHEMA)
                .append("at", Date.from(e.at())).append("actor", e.actor())
                .append("account", e.account() == null ? null : e.account().value())
                .append("action", e.action()).append("target", e.target()).append("detail", e.detail());
    }

    @Override
    public List<AuditEntry> recent(SellerAccountId account, int limit) {
        return Guard.call(() -> {
            List<AuditEntry> result = new ArrayList<>();
            for (MongoCollection<Document> log : List.of(audit, offerActions)) {
                log.find(eq("account", account.value())).sort(Sorts.descending("at")).limit(limit).forEach(d -> result.add(
                        new AuditEntry(d.getDate("at").toInstant(), d.getString("actor"),
                                d.getString("account") == null ? null : new SellerAccountId(d.getString("account")),
                                d.getString("action"), d.getString("target"), d.getString("detail"))));
            }
            result.sort(Comparator.comparing(AuditEntry::at).reversed());
            return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
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
