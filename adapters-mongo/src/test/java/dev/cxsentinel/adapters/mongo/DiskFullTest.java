package dev.cxsentinel.adapters.mongo;

import static dev.cxsentinel.adapters.mongo.TestOffers.offer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk under the embedded store, made real with a 12 MiB tmpfs (needs the right to mount: on a machine without
 * it the test is reported as skipped): the write that fails is reported as "disk full", not "something went wrong",
 * and the store's health says what is wrong and where.
 */
class DiskFullTest {
    Path mount;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        mount = Files.createTempDirectory("cx-small-disk");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mount.toString()), "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
        Files.deleteIfExists(mount);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aFullDiskIsReportedAsSuchToUsersAndToTheHealthCheck() throws Exception {
        Path dir = mount.resolve("data");
        try (EmbeddedStore embedded = EmbeddedStore.open(dir); MongoStore store = MongoStore.connect(embedded.connectionString(), "cx")) {
            store.watch(embedded::problem);
            assertTrue(store.problem().isEmpty(), "a store with room works: " + store.problem());
            MongoOfferRepository offers = new MongoOfferRepository(store);
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> {
                for (int batch = 0; batch < 200; batch++) {
                    List<OfferChange> changes = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        changes.add(new OfferChange(offer(String.format("SKU-%03d-%03d", batch, i), Marketplace.DE, CxHealth.GOOD, false), true, List.of()));
                    }
                    offers.saveAll(changes);
                }
            });
            assertTrue(e.diskFull(), "reported as a full disk: " + e);
            Optional<String> problem = store.problem();
            assertTrue(problem.isPresent() && problem.get().contains(dir.toString()) && problem.get().contains("full"),
                    "the health check says what and where: " + problem);
        }
        assertFalse(Files.exists(dir.resolve("clean-shutdown")), "a file that failed a write is not taken for closed in order");
    }
}
