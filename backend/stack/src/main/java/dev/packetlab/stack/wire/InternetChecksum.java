package dev.packetlab.stack.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the one's complement of the one's-complement sum of the 16-bit big-endian words
 * of the data. Sums are kept unfolded in a {@code long} so that partial sums (pseudo-header, header, payload) can be
 * added and folded once at the end.
 */
public final class InternetChecksum {
    private InternetChecksum() {}

    /** Reads 4 bytes in the machine's order (little-endian on x86 and ARM) in one load. */
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The unfolded sum of the 16-bit big-endian words of {@code b[off, off+len)}; an odd last byte is padded with a
     * zero byte (RFC 1071 4.1).
     *
     * <p>The hot loop sums 16 bytes per turn as four 32-bit words into four independent accumulators (no carry
     * chain from one add to the next, so the adds overlap), loaded little-endian without byte swaps. Both are
     * RFC 1071's own shortcuts: a wider one's-complement sum folds to the same 16-bit result, because 2^16 ≡ 1
     * (mod 2^16 − 1) (2(C)), and the sum is byte-order independent, so summing byte-swapped words and swapping the
     * folded result gives the big-endian sum (2(B)). The folded, swapped partial sum is congruent to the big-endian
     * word sum, so callers may add it to other partial sums (pseudo-header, header) and {@link #finish} once.
     */
    public static long sum(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        long sum = 0;
        if (len >= 16) {
            long s0 = 0;
            long s1 = 0;
            long s2 = 0;
            long s3 = 0;
            for (; i + 16 <= end; i += 16) {
                s0 += (int) INT_LE.get(b, i) & 0xffff_ffffL;
                s1 += (int) INT_LE.get(b, i + 4) & 0xffff_ffffL;
                s2 += (int) INT_LE.get(b, i + 8) & 0xffff_ffffL;
                s3 += (int) INT_LE.get(b, i + 12) & 0xffff_ffffL;
            }
            long swapped = s0 + s1 + s2 + s3;
            while ((swapped >>> 16) != 0) swapped = (swapped & 0xffff) + (swapped >>> 16);
            sum = ((swapped & 0xff) << 8) | (swapped >>> 8);
        }
        for (; i + 2 <= end; i += 2) sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        if (i < end) sum += (b[i] & 0xff) << 8;
        return sum;
    }

    /** Folds a sum to 16 bits (adding the carries back in, RFC 1071 2(A)) and complements it. */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }

    /** The checksum of {@code b[off, off+len)}; over data that already holds its checksum the result is 0 when right. */
    public static int compute(byte[] b, int off, int len) {
        return finish(sum(b, off, len));
    }

    /** The sum of the IPv4 pseudo-header used by UDP and TCP (RFC 768, RFC 9293 3.1): src, dst, zero, protocol, length. */
    public static long pseudoHeaderSum(Ipv4Address src, Ipv4Address dst, int protocol, int length) {
        return pseudoHeaderSum(src.value(), dst.value(), protocol, length);
    }

    /** As {@link #pseudoHeaderSum(Ipv4Address, Ipv4Address, int, int)} over raw address bits, allocating nothing. */
    public static long pseudoHeaderSum(int src, int dst, int protocol, int length) {
        return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + (protocol & 0xff) + (length & 0xffff);
    }

    /**
     * RFC 1624 eqn. 3, HC' = ~(~HC + ~m + m'): the new checksum after one 16-bit word of the covered data changed
     * from {@code oldWord} to {@code newWord}, without summing the whole header again (a router's TTL decrement).
     * Eqn. 3 rather than RFC 1141's eqn. 2, which can yield 0xffff where a full recompute gives 0x0000.
     */
    public static int update(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        return finish(sum);
    }
}
