package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of the embedded store's index keys, the library's own: H2 compares two index keys by their Java
 * serialization, and it serialized both keys afresh for every comparison of every lookup, which profiling showed
 * as the largest single cost of a relist under load. This type gives the same order (so existing files stay valid)
 * without serializing: two one-string keys (every {@code _id} here) serialize to the same prefix followed by the
 * string's modified UTF-8 length and bytes, so they are compared on those directly. Other keys keep their
 * serialized form, remembered in a bounded map so that a large import cannot exhaust memory.
 *
 * <p>It also writes one-string keys compactly (a tag byte and the UTF-8 string) instead of Java serialization,
 * which reading index pages spent most of its time undoing; keys an older file holds serialized are still read.
 * The order does not depend on how a key is written, so a file may hold both.
 */
final class MemoizedKeyOrder extends ObjectDataType {
    private static final int REMEMBERED = 20_000;
    private static final int SHORT = 65_535 / 3;
    /** Above every tag {@link ObjectDataType} writes (0–119 in H2 2.3), and apart from {@link BsonDocumentType#TAG}. */
    static final byte STRING_KEY = (byte) 0xC9;

    private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            if (a == b) {
                return 0;
            }
            if (ka.size() == 1 && kb.size() == 1 && ka.get(0) instanceof String sa && kb.get(0) instanceof String sb
                    && sa.length() < SHORT && sb.length() < SHORT) {
                return compareAsSerialized(sa, sb);
            }
            return compareNotNull(bytes(ka), bytes(kb));
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue k && k.size() == 1 && k.get(0) instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buffer.put(STRING_KEY).putVarInt(utf8.length).put(utf8);
            return;
        }
        super.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != STRING_KEY) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(utf8);
        return new KeyValue(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * The order of the two strings' Java serialization ({@code TC_STRING}, the modified UTF-8 length as two bytes,
     * the bytes): shorter encodings first, then the bytes compared unsigned. Only for strings whose encoding is
     * surely under 64 KiB ({@link #SHORT} chars of at most 3 bytes), which are written as {@code TC_STRING}.
     */
    static int compareAsSerialized(String a, String b) {
        int byLength = Integer.compare(utfLength(a), utfLength(b));
        if (byLength != 0) {
            return byLength;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(firstUtfByte(x), firstUtfByte(y)) != 0 ? Integer.compare(firstUtfByte(x), firstUtfByte(y))
                        : Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int utfLength(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            length += utfBytes(s.charAt(i));
        }
        return length;
    }

    private static int utfBytes(char c) {
        return c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }

    /** The first byte of the character's modified UTF-8 form; equal first bytes mean equal length, ordered by value. */
    private static int firstUtfByte(char c) {
        return switch (utfBytes(c)) {
            case 1 -> c;
            case 2 -> 0xC0 | (c >> 6);
            default -> 0xE0 | (c >> 12);
        };
    }

    private byte[] bytes(KeyValue key) {
        if (!key.stream().allMatch(String.class::isInstance)) {
            return serialize(key);
        }
        byte[] known = serialized.get(key);
        if (known != null) {
            return known;
        }
        if (serialized.size() >= REMEMBERED) {
            serialized.clear(); // the keys compared most (the upper levels of the tree) come back at once
        }
        byte[] bytes = serialize(key);
        serialized.put(key, bytes);
        return bytes;
    }
}
