package dev.cxsentinel.adapters.mongo;

import static dev.cxsentinel.adapters.mongo.TestOffers.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
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
 * the store's health says what is wrong and where, and once space is freed the store works again by itself, with
 * everything acknowledged before still there.
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
            Offer before = offer("SKU-BEFORE", Marketplace.DE, CxHealth.POOR, false);
            offers.save(new OfferChange(before, true, List.of()));
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[(int) Math.max(0, Files.getFileStore(mount).getUsableSpace() - (3L << 20))]);
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

            long reopenedBefore = EmbeddedStore.REOPENED.get();
            Files.delete(filler);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (store.problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(store.problem().isEmpty(), "healthy again without a restart: " + store.problem());
            assertEquals(reopenedBefore + 1, EmbeddedStore.REOPENED.get(), "by reopening the file in place, once");
            Offer after = offer("SKU-AFTER", Marketplace.DE, CxHealth.GOOD, false);
            offers.save(new OfferChange(after, true, List.of()));
            assertTrue(offers.load(after.id()).isPresent(), "writes work again through the same client");
            assertTrue(offers.load(before.id()).isPresent(), "what was acknowledged before the disk filled is still there");
        }
        assertFalse(Files.exists(dir.resolve("clean-shutdown")), "a file that failed a write is not taken for closed in order");
    }
}
