package dev.packetlab.stack.wire;

/** An IPv4 address, held as a 32-bit {@code int} in network order (the first octet in the top bits). */
public record Ipv4Address(int value) {
    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xffff_ffff);
    public static final int LENGTH = 4;

    /** The address {@code a.b.c.d}; each octet must be 0..255. */
    public static Ipv4Address of(int a, int b, int c, int d) {
        if (((a | b | c | d) & ~0xff) != 0) {
            throw new IllegalArgumentException("octets must be 0..255, got " + a + "." + b + "." + c + "." + d);
        }
        return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
    }

    /**
     * Parses dotted-quad text such as {@code 10.0.0.1}: four decimal octets 0..255 of one to three ASCII digits.
     *
     * @throws IllegalArgumentException naming the text when it is not an IPv4 address
     */
    public static Ipv4Address parse(String text) {
        int value = 0;
        int i = 0;
        int n = text.length();
        for (int octets = 0; octets < 4; octets++) {
            if (octets > 0) {
                if (i >= n || text.charAt(i) != '.') throw notAnAddress(text);
                i++;
            }
            int start = i;
            int octet = 0;
            while (i < n && i - start < 3 && isAsciiDigit(text.charAt(i))) octet = octet * 10 + (text.charAt(i++) - '0');
            if (i == start || octet > 255) throw notAnAddress(text);
            value = (value << 8) | octet;
        }
        if (i != n) throw notAnAddress(text);
        return new Ipv4Address(value);
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
    }

    public static Ipv4Address read(byte[] b, int off) {
        return new Ipv4Address(bits(b, off));
    }

    /** The four bytes at {@code off} as an int, without allocating. */
    public static int bits(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public void write(byte[] b, int off) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    public boolean isBroadcast() { return value == 0xffff_ffff; }

    /** 224.0.0.0/4 (RFC 5771). */
    public boolean isMulticast() { return (value >>> 28) == 0xe; }

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
