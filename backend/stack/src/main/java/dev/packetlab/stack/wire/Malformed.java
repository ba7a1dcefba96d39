package dev.packetlab.stack.wire;

/**
 * Why bytes could not be read as a protocol's format: the protocol ("IPv4") and what exactly is wrong ("total length
 * 4000 exceeds the 60 bytes captured"). {@code badChecksum} sets a checksum mismatch apart from structural damage,
 * because the simulator reports the two as different drop reasons ("bad checksum" versus "malformed").
 */
public record Malformed(String protocol, String reason, boolean badChecksum) {
    /** Structural damage (not a checksum mismatch). */
    public Malformed(String protocol, String reason) {
        this(protocol, reason, false);
    }

    public static Malformed of(String protocol, String reason) {
        return new Malformed(protocol, reason, false);
    }

    /** A checksum mismatch, naming the value found and the one the bytes should carry, as Wireshark does. */
    public static Malformed checksum(String protocol, int found, int expected) {
        return new Malformed(protocol, "bad checksum 0x" + hex16(found) + " (should be 0x" + hex16(expected) + ")", true);
    }

    private static String hex16(int v) {
        String s = Integer.toHexString(v & 0xffff);
        return "0000".substring(s.length()) + s;
    }

    @Override
    public String toString() { return protocol + ": " + reason; }
}
