package dev.packetlab.stack.wire;

import java.util.Arrays;

/**
 * Immutable bytes carried by a record (an echo's data, a datagram's data, the datagram quoted by an ICMP error).
 * Records own copies of their bytes so that a value stays a value after the buffer it was decoded from is reused,
 * and compare by content, which a {@code byte[]} record component would not.
 */
public final class Payload {
    public static final Payload EMPTY = new Payload(new byte[0]);

    private final byte[] bytes;

    private Payload(byte[] owned) { this.bytes = owned; }

    /** A copy of {@code b}. */
    public static Payload of(byte[] b) { return b.length == 0 ? EMPTY : new Payload(b.clone()); }

    /** A copy of {@code b[off, off+len)}. */
    public static Payload copyOf(byte[] b, int off, int len) {
        return len == 0 ? EMPTY : new Payload(Arrays.copyOfRange(b, off, off + len));
    }

    /** The ASCII bytes of {@code text} (tests and tools: {@code Payload.ascii("abcd")}). */
    public static Payload ascii(String text) {
        return text.isEmpty() ? EMPTY : new Payload(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public int length() { return bytes.length; }

    /** The byte at {@code i}, unsigned. */
    public int get(int i) { return bytes[i] & 0xff; }

    /** Writes the bytes at {@code off}; returns how many. */
    public int copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
        return bytes.length;
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() { return bytes.clone(); }

    @Override
    public boolean equals(Object o) { return o instanceof Payload p && Arrays.equals(bytes, p.bytes); }

    @Override
    public int hashCode() { return Arrays.hashCode(bytes); }

    /** Length and hex, cut after 32 bytes so that a record's toString stays readable. */
    @Override
    public String toString() {
        int shown = Math.min(bytes.length, 32);
        String hex = java.util.HexFormat.of().formatHex(bytes, 0, shown);
        return bytes.length + " bytes" + (bytes.length == 0 ? "" : " " + hex + (shown < bytes.length ? "…" : ""));
    }
}
