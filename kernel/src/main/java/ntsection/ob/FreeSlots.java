package ntsection.ob;

import java.util.Arrays;

/**
 * The free slots of a handle table below its high-water mark, as a two-level bitmap,
 * so that the lowest free slot is found by scanning a few words however large the
 * table grows (a million handles: one summary word per 4096 slots).
 */
final class FreeSlots {
    private long[] bits = new long[4];
    private long[] summary = new long[1];
    private int lowestWord;
    private int count;

    void add(int slot) {
        int word = slot >>> 6;
        if (word >= bits.length) grow(word);
        bits[word] |= 1L << slot;
        summary[word >>> 6] |= 1L << word;
        if (word < lowestWord) lowestWord = word;
        count++;
    }

    /** Removes and returns the lowest free slot, or -1 when there is none. */
    int takeLowest() {
        if (count == 0) return -1;
        for (int s = lowestWord >>> 6; s < summary.length; s++) {
            long summaryWord = summary[s];
            if (summaryWord == 0) continue;
            int word = (s << 6) + Long.numberOfTrailingZeros(summaryWord);
            int slot = (word << 6) + Long.numberOfTrailingZeros(bits[word]);
            remove(slot);
            lowestWord = word;
            return slot;
        }
        throw new IllegalStateException("free-slot count and bitmap disagree");
    }

    void remove(int slot) {
        int word = slot >>> 6;
        bits[word] &= ~(1L << slot);
        if (bits[word] == 0) summary[word >>> 6] &= ~(1L << word);
        count--;
    }

    int count() {
        return count;
    }

    private void grow(int word) {
        bits = Arrays.copyOf(bits, Math.max(bits.length * 2, word + 1));
        int summaryWords = (bits.length + 63) >>> 6;
        if (summaryWords > summary.length) summary = Arrays.copyOf(summary, summaryWords);
    }
}
