package dev.packetlab.stack.wire;

/** The Internet checksum (RFC 1071): the one's complement of the one's-complement sum of 16-bit words. */
public final class InternetChecksum {
    private InternetChecksum() {}

    /** The unfolded 32-bit sum of the 16-bit big-endian words of {@code b[off, off+len)}; an odd tail is padded. */
    public static long sum(byte[] b, int off, int len) {
        long sum = 0;
        int end = off + len - 1;
        int i = off;
        for (; i < end; i += 2) sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        if (i == end) sum += (b[i] & 0xff) << 8;
        return sum;
    }

    /** Folds a sum to 16 bits and complements it. */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }

    public static int compute(byte[] b, int off, int len) {
        return finish(sum(b, off, len));
    }

    /** The sum of the IPv4 pseudo-header used by UDP and TCP (RFC 768, RFC 9293 3.1). */
    public static long pseudoHeaderSum(Ipv4Address src, Ipv4Address dst, int protocol, int length) {
        return (src.value() >>> 16) + (src.value() & 0xffff) + (dst.value() >>> 16) + (dst.value() & 0xffff)
                + protocol + length;
    }

    /**
     * RFC 1624 eqn. 3: the new checksum after one 16-bit word of the covered data changed from {@code oldWord} to
     * {@code newWord}, without summing the whole header again (a router's TTL decrement).
     */
    public static int update(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        return finish(sum);
    }
}
