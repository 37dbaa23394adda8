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

    /** The direct comparison of one-string keys agrees with their serialized order for every kind of character. */
    @Test
    void stringKeysAreOrderedAsTheirSerializationWithoutSerializing() {
        String[] alphabet = {"a", "B", "0", ":", "\u0000", "\u007F", "\u0080", "é", "ß", "\u07FF", "\u0800", "€", "\uFFFF",
                "\uD83D\uDE00", "-", "~"};
        Random random = new Random(11);
        ObjectDataType library = new ObjectDataType();
        MemoizedKeyOrder ours = new MemoizedKeyOrder();
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? a.substring(0, a.length() / 2) + randomString(random, alphabet) : randomString(random, alphabet);
            KeyValue ka = new KeyValue(a);
            KeyValue kb = new KeyValue(b);
            assertEquals(Integer.signum(library.compare(ka, kb)), Integer.signum(ours.compare(ka, kb)), a + " vs " + b);
        }
    }

    /** One-string keys are written compactly and read back equal; keys in H2's own form (older files) still read. */
    @Test
    void keysRoundTripInBothForms() {
        MemoizedKeyOrder ours = new MemoizedKeyOrder();
        ObjectDataType library = new ObjectDataType();
        List<KeyValue> keys = List.of(new KeyValue("A2EUQ1WTGCTBG2:DE:SKU-1"), new KeyValue("ünïcode €"), new KeyValue(""),
                new KeyValue("a", "b"), new KeyValue(42));
        for (KeyValue key : keys) {
            org.h2.mvstore.WriteBuffer compact = new org.h2.mvstore.WriteBuffer();
            ours.write(compact, key);
            assertEquals(key, ours.read(compact.getBuffer().flip()));
            org.h2.mvstore.WriteBuffer legacy = new org.h2.mvstore.WriteBuffer();
            library.write(legacy, key);
            assertEquals(key, ours.read(legacy.getBuffer().flip()), "as an older file holds it");
        }
        org.h2.mvstore.WriteBuffer one = new org.h2.mvstore.WriteBuffer();
        ours.write(one, keys.get(0));
        assertEquals(MemoizedKeyOrder.STRING_KEY, one.getBuffer().get(0), "written in the compact form");
    }

    private static String randomString(Random random, String[] alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }
}
