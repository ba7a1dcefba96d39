package dev.packetlab.stack.wire;

/**
 * Why bytes could not be read as a protocol's format. {@code badChecksum} sets a checksum mismatch apart from
 * structural damage, because the simulator reports the two as different drop reasons.
 */
public record Malformed(String protocol, String reason, boolean badChecksum) {
    public static Malformed of(String protocol, String reason) {
        return new Malformed(protocol, reason, false);
    }

    public static Malformed checksum(String protocol, int found, int expected) {
        return new Malformed(protocol, String.format("bad checksum 0x%04x (should be 0x%04x)", found, expected), true);
    }

    @Override
    public String toString() { return protocol + ": " + reason; }
}
