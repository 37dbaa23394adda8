package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BSON of the documents the store holds, remembered per document instance (weakly: an entry goes when its
 * document does). H2 writes a changed page whole, so every commit encoded every document of every page a write
 * touched: one relist re-encoded some twenty offers, and at 200 relists a second that was half of all CPU time
 * (BENCHMARKS.md §1). With this, a document is encoded once, when it is new or changed.
 *
 * <p>Sound only because a stored document never changes after it was encoded: the library updates a document by
 * changing the instance it found in place, so {@link IdFirstH2Collection} gives every update a copy to change.
 */
final class EncodedDocuments {
    private final Map<Key, byte[]> bytes = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();

    byte[] get(Document document) {
        return bytes.get(new Key(document, null));
    }

    void put(Document document, byte[] encoded) {
        expunge();
        bytes.put(new Key(document, collected), encoded);
    }

    private void expunge() {
        Reference<? extends Document> gone;
        while ((gone = collected.poll()) != null) {
            bytes.remove(gone);
        }
    }

    /** Identity, not content: two equal documents are two entries, and a lookup never hashes a document's content. */
    private static final class Key extends WeakReference<Document> {
        private final int hash;

        Key(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            this.hash = System.identityHashCode(document);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key k)) {
                return false;
            }
            Document mine = get();
            return mine != null && mine == k.get();
        }
    }
}
