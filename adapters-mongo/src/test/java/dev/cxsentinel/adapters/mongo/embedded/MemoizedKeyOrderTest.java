package dev.cxsentinel.adapters.mongo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class MemoizedKeyOrderTest {

    @Test
    void ordersKeysExactlyAsTheLibraryDoesAlsoPastItsMemory() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) { // more than it remembers
            keys.add(new KeyValue("A" + random.nextInt(1_000_000) + ":DE:SKU-" + Integer.toString(random.nextInt(), 36)));
        }
        keys.add(new KeyValue("short"));
        keys.add(new KeyValue(42));
        keys.add(new KeyValue("a", "b"));
        keys.add(new KeyValue(""));
        ObjectDataType library = new ObjectDataType();
        MemoizedKeyOrder memoized = new MemoizedKeyOrder();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < keys.size(); i++) {
                KeyValue a = keys.get(i - 1);
                KeyValue b = keys.get(random.nextInt(keys.size()));
                assertEquals(Integer.signum(library.compare(a, b)), Integer.signum(memoized.compare(a, b)), a + " vs " + b);
            }
        }
    }
}
