package dev.cxsentinel.application.service;

import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Sku;
import java.nio.charset.StandardCharsets;

/**
 * Remembers which offers (marketplace + SKU) an import has seen, and on which line, in 16 bytes per offer: a
 * million-row report needs about 32 MB here, not the gigabyte a set of strings would take. Keys are 64-bit
 * hashes; two different offers share one with a probability of about 10⁻⁸ in a million-row file, which would
 * report a false "repeated offer" (never a silent loss).
 */
final class OfferKeyIndex {
    private long[] keys = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    static long key(Marketplace marketplace, Sku sku) {
        long h = 0xcbf29ce484222325L ^ marketplace.ordinal();
        for (byte b : sku.value().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Records the key at {@code line}; returns the line it was first seen on, or 0 when new. */
    long putIfAbsent(long key, long line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        lines[i] = line;
        size++;
        return 0;
    }

    boolean contains(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldLines[i]);
            }
        }
    }
}
