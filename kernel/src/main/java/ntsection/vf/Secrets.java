package ntsection.vf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canaries: eight-byte values planted where only their owner should reach (kernel-private
 * memory, another process's memory). They are found by value wherever the bytes have
 * been copied since, so a driver that moves a secret into its own section is still
 * followed. An access overlapping a canary by even one byte touches it.
 */
public final class Secrets {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final byte[] PREFIX = "SECRET".getBytes(StandardCharsets.US_ASCII);

    private volatile long[] planted = new long[0];

    /** A fresh canary, "SECRET" and a two-byte number, to write wherever a secret belongs. */
    public synchronized byte[] plant() {
        int number = planted.length + 1;
        byte[] canary = Arrays.copyOf(PREFIX, Long.BYTES);
        canary[6] = (byte) (number >>> 8);
        canary[7] = (byte) number;
        long[] more = Arrays.copyOf(planted, planted.length + 1);
        more[planted.length] = MemorySegment.ofArray(canary).get(LONG, 0);
        planted = more;
        return canary;
    }

    /** Whether {@code length} bytes at {@code offset} of {@code memory} overlap a planted canary. */
    public boolean touched(MemorySegment memory, long offset, long length) {
        long[] canaries = planted;
        if (canaries.length == 0 || length <= 0) return false;
        long from = Math.max(0, offset - (Long.BYTES - 1));
        long to = Math.min(memory.byteSize() - Long.BYTES, offset + length - 1);
        for (long at = from; at <= to; at++) {
            long word = memory.get(LONG, at);
            for (long canary : canaries) {
                if (word == canary) return true;
            }
        }
        return false;
    }
}
