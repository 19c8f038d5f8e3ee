package io.moderato.classification;

import java.util.Arrays;

/**
 * Feature name to column, compact: an open-addressing table of 64-bit hashes of the names, about 18 bytes a feature
 * where Tribuo's feature map (kept for training statistics) takes hundreds. A word model has some 400,000 features,
 * so serving reads them through this index and lets the map go. Two names of one model with the same 64-bit hash are
 * refused when the index is built (none in practice: about one chance in 10^8 for half a million names). Immutable,
 * thread-safe.
 */
public final class FeatureIndex {

    private static final double LOAD_FACTOR = 0.6;

    private final long[] hashes;
    /** Column of the name in the slot, -1 for an empty slot. */
    private final int[] columns;
    private final int mask;
    private final int size;

    /**
     * @param names the feature names, each at its column (index in the array)
     * @throws IllegalArgumentException when two names hash alike
     */
    public FeatureIndex(String[] names) {
        int capacity = Integer.highestOneBit((int) Math.max(2, names.length / LOAD_FACTOR)) << 1;
        this.hashes = new long[capacity];
        this.columns = new int[capacity];
        Arrays.fill(columns, -1);
        this.mask = capacity - 1;
        this.size = names.length;
        for (int column = 0; column < names.length; column++) {
            long hash = hash(names[column]);
            int slot = slot(hash);
            while (columns[slot] >= 0) {
                if (hashes[slot] == hash) {
                    throw new IllegalArgumentException("features " + names[columns[slot]] + " and " + names[column]
                            + " have the same 64-bit hash");
                }
                slot = (slot + 1) & mask;
            }
            hashes[slot] = hash;
            columns[slot] = column;
        }
    }

    /**
     * @param name a feature name
     * @return its column, or -1 when the model does not know it
     */
    public int column(String name) {
        long hash = hash(name);
        for (int slot = slot(hash); columns[slot] >= 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                return columns[slot];
            }
        }
        return -1;
    }

    /** Equal when both map every name to the same column (same hashes in the same slots). */
    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureIndex index && size == index.size && Arrays.equals(hashes, index.hashes)
                && Arrays.equals(columns, index.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes) * 31 + size;
    }

    /** @return how many names the index holds */
    public int size() {
        return size;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so that the low bits are well mixed. */
    static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
