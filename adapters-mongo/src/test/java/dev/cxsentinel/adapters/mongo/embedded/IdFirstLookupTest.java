package dev.cxsentinel.adapters.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdFirstLookupTest {

    @Test
    void anIdWithMoreFieldsIsLookedUpByIdFirst() {
        assertEquals(new Document("_id", "A:DE:SKU-1"), IdFirstLookup.idPart(new Document("_id", "A:DE:SKU-1").append("version", 3L)));
        Document in = new Document("$in", List.of("a", "b"));
        assertEquals(new Document("_id", in), IdFirstLookup.idPart(new Document("_id", in).append("writeId", "w")));
    }

    @Test
    void filtersTheIndexAlreadyServesOrCannotServeAreLeftAlone() {
        assertNull(IdFirstLookup.idPart(new Document("_id", "a")), "the library's own index answers this");
        assertNull(IdFirstLookup.idPart(new Document("version", 3L).append("status", "CLOSED")));
        assertNull(IdFirstLookup.idPart(new Document("_id", new Document("$gt", "a")).append("version", 3L)));
        assertNull(IdFirstLookup.idPart(new Document("_id", new Document("$in", List.of(new Document("$gt", "a")))).append("v", 1)));
        assertNull(IdFirstLookup.idPart(null));
    }
}
