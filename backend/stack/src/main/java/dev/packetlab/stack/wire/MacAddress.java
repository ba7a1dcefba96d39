package dev.packetlab.stack.wire;

/**
 * A 48-bit IEEE 802 MAC address, held in the low 48 bits of a {@code long} (the first octet in bits 40–47), so that
 * comparing and hashing addresses on the switching path costs no more than comparing longs.
 */
public record MacAddress(long value) {
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final MacAddress ZERO = new MacAddress(0);
    public static final int LENGTH = 6;

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) throw new IllegalArgumentException("more than 48 bits: " + value);
    }

    /**
     * Parses {@code 02:00:00:00:00:01} (colons or dashes, either case, two hex digits per octet).
     *
     * @throws IllegalArgumentException naming the text when it is not a MAC address
     */
    public static MacAddress parse(String text) {
        if (text.length() != 17) throw notAMac(text);
        long v = 0;
        for (int i = 0; i < 6; i++) {
            int at = i * 3;
            int hi = hexDigit(text.charAt(at));
            int lo = hexDigit(text.charAt(at + 1));
            if (hi < 0 || lo < 0) throw notAMac(text);
            if (i < 5) {
                char separator = text.charAt(at + 2);
                if (separator != ':' && separator != '-') throw notAMac(text);
            }
            v = (v << 8) | (hi << 4) | lo;
        }
        return new MacAddress(v);
    }

    private static IllegalArgumentException notAMac(String text) {
        return new IllegalArgumentException("not a MAC address: \"" + text + "\" (expected six hex octets such as 02:00:00:00:00:01)");
    }

    /** ASCII hex only: {@link Character#digit} would also accept full-width and other Unicode digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
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

    /** Writes the six bytes at {@code off}, first octet first (transmission order). */
    public void write(byte[] b, int off) {
        b[off] = (byte) (value >>> 40);
        b[off + 1] = (byte) (value >>> 32);
        b[off + 2] = (byte) (value >>> 24);
        b[off + 3] = (byte) (value >>> 16);
        b[off + 4] = (byte) (value >>> 8);
        b[off + 5] = (byte) value;
    }

    public boolean isBroadcast() { return value == 0xffff_ffff_ffffL; }

    /** The I/G bit (IEEE 802-2014 8.2): group addresses, broadcast included, have bit 0 of the first octet set. */
    public boolean isMulticast() { return ((value >>> 40) & 1) != 0; }

    /** The U/L bit: set in locally administered addresses such as the 02:… ones PacketLab hands out. */
    public boolean isLocallyAdministered() { return ((value >>> 40) & 2) != 0; }

    @Override
    public String toString() {
        char[] s = new char[17];
        for (int i = 0; i < 6; i++) {
            int octet = (int) (value >>> (40 - 8 * i)) & 0xff;
            s[i * 3] = HEX[octet >>> 4];
            s[i * 3 + 1] = HEX[octet & 0xf];
            if (i < 5) s[i * 3 + 2] = ':';
        }
        return new String(s);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
