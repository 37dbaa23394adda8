package dev.cxsentinel.bootstrap.modules;

import com.google.inject.AbstractModule;
import dev.cxsentinel.adapters.mongo.MongoAccessRepository;
import dev.cxsentinel.adapters.mongo.MongoAuditRepository;
import dev.cxsentinel.adapters.mongo.MongoChannelPace;
import dev.cxsentinel.adapters.mongo.MongoDigestOutbox;
import dev.cxsentinel.adapters.mongo.MongoImportFingerprints;
import dev.cxsentinel.adapters.mongo.MongoNotificationOutbox;
import dev.cxsentinel.adapters.mongo.MongoOfferQueries;
import dev.cxsentinel.adapters.mongo.MongoOfferRepository;
import dev.cxsentinel.adapters.mongo.MongoReviewLedger;
import dev.cxsentinel.adapters.mongo.MongoStore;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.port.out.ReviewLedger;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.application.port.out.StoreHealth;

/** The persistence ports on an already opened store (opening it is the lifecycle's job, not the module's). */
public final class MongoModule extends AbstractModule {
    private final MongoStore store;

    public MongoModule(MongoStore store) {
        this.store = store;
    }

    @Override
    protected void configure() {
        bind(MongoStore.class).toInstance(store);
        bind(StoreHealth.class).toInstance(store);
        bind(LoadOffer.class).to(MongoOfferRepository.class);
        bind(SaveOffer.class).to(MongoOfferRepository.class);
        bind(ImportFingerprints.class).to(MongoImportFingerprints.class);
        bind(FindOffers.class).to(MongoOfferQueries.class);
        bind(NotificationOutbox.class).to(MongoNotificationOutbox.class);
        bind(DigestOutbox.class).to(MongoDigestOutbox.class);
        bind(ReviewLedger.class).to(MongoReviewLedger.class);
        bind(ChannelLinks.class).to(MongoAccessRepository.class);
        bind(OperatorRoles.class).to(MongoAccessRepository.class);
        bind(AuditLog.class).to(MongoAuditRepository.class);
        bind(ImportRecords.class).to(MongoAuditRepository.class);
        bind(ChannelPace.class).to(MongoChannelPace.class);
    }
}
