package dev.packetlab.stack.tcp;

/**
 * Sequence-number arithmetic (RFC 9293 3.4): sequence numbers are unsigned 32-bit values, held here in {@code long}s
 * in 0..2^32−1, and compared modulo 2^32, so that {@code lt(0xffff_fff0, 0x10)} holds across the wrap.
 */
final class Seq {
    static final long MASK = 0xffff_ffffL;

    private Seq() {}

    /** {@code seq + n} modulo 2^32. */
    static long add(long seq, long n) { return (seq + n) & MASK; }

    /** The signed distance {@code a − b}, for numbers less than 2^31 apart. */
    static int diff(long a, long b) { return (int) (a - b); }

    static boolean lt(long a, long b) { return diff(a, b) < 0; }

    static boolean le(long a, long b) { return diff(a, b) <= 0; }

    static boolean gt(long a, long b) { return diff(a, b) > 0; }

    static boolean ge(long a, long b) { return diff(a, b) >= 0; }

    static long max(long a, long b) { return ge(a, b) ? a : b; }

    /** {@code low ≤ x < high} modulo 2^32. */
    static boolean inRange(long low, long x, long high) { return le(low, x) && lt(x, high); }
}
