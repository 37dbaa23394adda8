package dev.cxsentinel.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.cxsentinel.adapters.mongo.MongoOfferRepository;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.bootstrap.modules.ApplicationModule;
import dev.cxsentinel.bootstrap.modules.MongoModule;
import dev.cxsentinel.domain.SlackUserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the injector for one run from the modules its mode needs. */
public final class Wiring {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    public static Injector injector(Config config, Set<SlackUserId> admins, StoreConnection store, Module delivery) {
        return injector(config, admins, store, delivery, DeliverySettings.DEFAULTS);
    }

    public static Injector injector(Config config, Set<SlackUserId> admins, StoreConnection store, Module delivery, DeliverySettings pace) {
        List<Module> modules = new ArrayList<>();
        modules.add(new ApplicationModule(new Admins(admins), config.alerts(), pace, config.reviews()));
        modules.add(new MongoModule(store.mongo()));
        modules.add(delivery);
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }

    /**
     * Indexes only: what an import needs (the running serve, or the next one, repairs outbox markers). A database
     * that does not answer ends the import with one clear line (see {@link Main}).
     */
    public static void prepareStoreForImport(StoreConnection store) {
        store.mongo().ensureIndexes();
    }

    /** Indexes, and outbox markers a crash may have left out. A database that is down now is retried by use. */
    public static void prepareStore(Injector injector, StoreConnection store) {
        try {
            store.mongo().ensureIndexes();
            int repaired = store.needsOutboxRepair() ? injector.getInstance(MongoOfferRepository.class).repairOutboxIndex() : 0;
            if (repaired > 0) {
                LOG.info("{} offers with undelivered notifications queued again", repaired);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("the store is not reachable yet ({}); CX Sentinel keeps trying", e.getMessage());
        }
    }
}
