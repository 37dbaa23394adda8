package dev.cxsentinel.adapters.mongo;

import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Marketplace;
import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by the kill -9 test: writes offers one by one, reporting each acknowledged write. */
public final class ChildWriter {
    private ChildWriter() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedStore embedded = EmbeddedStore.open(Path.of(args[0]));
        MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel");
        MongoOfferRepository offers = new MongoOfferRepository(store);
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            var offer = TestOffers.offer("SKU-" + i, Marketplace.DE, CxHealth.POOR, false);
            offers.save(new OfferChange(offer, true, List.of(TestOffers.alert(offer))));
            System.out.println("ACK " + i);
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
