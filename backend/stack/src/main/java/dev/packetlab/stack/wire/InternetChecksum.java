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

    /** Reads 8 bytes big-endian in one load; the JIT turns this into a single (byte-swapped) memory access. */
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The unfolded sum of the 16-bit big-endian words of {@code b[off, off+len)}; an odd last byte is padded with a
     * zero byte (RFC 1071 4.1). Eight bytes are summed at a time as two 32-bit words: RFC 1071 2(B)–(C) shows a
     * wider one's-complement sum folds to the same 16-bit result, because 2^16 ≡ 1 (mod 2^16 − 1).
     */
    public static long sum(byte[] b, int off, int len) {
        long sum = 0;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONG_BE.get(b, i);
            sum += (w >>> 32) + (w & 0xffff_ffffL);
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
