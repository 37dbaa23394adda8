package dev.cxsentinel.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.cxsentinel.adapters.mongo.MongoAuditRepository;
import dev.cxsentinel.adapters.mongo.MongoImportFingerprints;
import dev.cxsentinel.adapters.mongo.MongoOfferRepository;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.application.port.in.RecoverInterruptedImports;
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
     * What an import needs: indexes, and (unless it is a dry run, which writes nothing) the imports a process gone
     * left running recorded as interrupted and, where this process holds the embedded store alone, the repair of an
     * unclean stop. Without that repair its own stop could not be recorded as orderly, and the next import would
     * forget every fingerprint again (a daily re-import by the command line alone read every offer each day). When
     * it joined a running {@code serve}, that one repairs. A database that does not answer ends the import with one
     * clear line (see {@link Main}).
     */
    public static void prepareStoreForImport(Injector injector, StoreConnection store, boolean dryRun) {
        store.mongo().ensureIndexes();
        forgetFingerprintsAfterUncleanStop(injector, store);
        if (!dryRun) {
            buildReminderMarkersOnce(injector);
            recoverImportsOfAProcessGone(injector, store);
            if (store.ownsStore() && store.needsOutboxRepair()) {
                repairDerived(injector);
                store.repaired();
            }
        }
    }

    /**
     * The embedded store does not commit fingerprint writes one by one (they ride along with the next offer write),
     * so after an unclean stop a void may be missing: forget them all; the next import reads every offer once.
     */
    private static void forgetFingerprintsAfterUncleanStop(Injector injector, StoreConnection store) {
        if (store.needsOutboxRepair() && store.ownsStore()) {
            injector.getInstance(MongoImportFingerprints.class).forgetAll();
        }
    }

    /** A store written before reminder markers existed gets them before anything writes an offer (or reminders are lost). */
    private static void buildReminderMarkersOnce(Injector injector) {
        if (injector.getInstance(MongoOfferRepository.class).ensureReminderMarkers()) {
            LOG.info("reminder markers built for the offers already stored");
        }
    }

    /** A process that holds the embedded store alone knows that an import still recorded as running has died. */
    private static void recoverImportsOfAProcessGone(Injector injector, StoreConnection store) {
        if (store.ownsStore()) {
            int interrupted = injector.getInstance(RecoverInterruptedImports.class).recoverAllRunning();
            if (interrupted > 0) {
                LOG.warn("{} earlier imports were interrupted; importing their files again completes them", interrupted);
            }
        }
    }

    /**
     * What the embedded store does not commit on its own, rebuilt from the offers after an unclean stop: outbox and
     * reminder markers, and the audit lines of actions on offers. Returns the offers that owe notifications.
     */
    private static int repairDerived(Injector injector) {
        int repaired = injector.getInstance(MongoOfferRepository.class).repairOutboxIndex();
        injector.getInstance(MongoOfferRepository.class).repairReminderMarkers();
        injector.getInstance(MongoAuditRepository.class).rebuildOfferActions();
        return repaired;
    }

    /** A write that failed before the file was reopened may have left an offer's outbox marker out. */
    private static void repairAfterReopen(Injector injector) {
        try {
            int repaired = repairDerived(injector);
            LOG.info("embedded store reopened; {} offers with undelivered notifications queued again", repaired);
        } catch (StoreUnavailableException e) {
            LOG.warn("embedded store reopened, but its outbox could not be checked yet ({}); it is checked at the next start",
                    e.getMessage());
        }
    }

    /** Indexes, and outbox and reminder markers a crash may have left out. A database that is down now is retried by use. */
    public static void prepareStore(Injector injector, StoreConnection store) {
        store.onReopened(() -> repairAfterReopen(injector));
        try {
            store.mongo().ensureIndexes();
            buildReminderMarkersOnce(injector);
            recoverImportsOfAProcessGone(injector, store);
            int repaired = 0;
            if (store.needsOutboxRepair()) {
                forgetFingerprintsAfterUncleanStop(injector, store);
                repaired = repairDerived(injector);
            }
            store.repaired();
            if (repaired > 0) {
                LOG.info("{} offers with undelivered notifications queued again", repaired);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("the store is not reachable yet ({}); CX Sentinel keeps trying", e.getMessage());
        }
    }
}
