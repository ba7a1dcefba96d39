package dev.packetlab.stack.wire;

/** A 48-bit IEEE 802 MAC address, held in the low 48 bits of a {@code long}. */
public record MacAddress(long value) {
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) throw new IllegalArgumentException("more than 48 bits: " + value);
    }

    /** Parses {@code 02:00:00:00:00:01} (colons or dashes, either case). */
    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]");
        if (parts.length != 6) throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2) throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
            try {
                v = (v << 8) | Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
            }
        }
        return new MacAddress(v);
    }

    /** Reads six bytes at {@code off}. */
    public static MacAddress read(byte[] b, int off) {
        return new MacAddress(bits(b, off));
    }

    /** The six bytes at {@code off} as a number, without allocating. */
    public static long bits(byte[] b, int off) {
        return ((b[off] & 0xffL) << 40) | ((b[off + 1] & 0xffL) << 32) | ((b[off + 2] & 0xffL) << 24)
                | ((b[off + 3] & 0xffL) << 16) | ((b[off + 4] & 0xffL) << 8) | (b[off + 5] & 0xffL);
    }

    public void write(byte[] b, int off) {
        for (int i = 0; i < 6; i++) b[off + i] = (byte) (value >>> (40 - 8 * i));
    }

    public boolean isBroadcast() { return value == BROADCAST.value; }

    /** The I/G bit: group (multicast or broadcast) addresses have bit 0 of the first octet set. */
    public boolean isMulticast() { return (value >>> 40 & 1) != 0; }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) s.append(':');
            int octet = (int) (value >>> (40 - 8 * i)) & 0xff;
            s.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
        }
        return s.toString();
    }
}
