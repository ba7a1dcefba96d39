package dev.packetlab.stack.wire;

/** An IPv4 address, held as a 32-bit {@code int} in network order (the first octet in the top bits). */
public record Ipv4Address(int value) {
    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xffff_ffff);

    /**
     * Parses dotted-quad text such as {@code 10.0.0.1}.
     *
     * @throws IllegalArgumentException naming the text when it is not an IPv4 address
     */
    public static Ipv4Address parse(String text) {
        int value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 4 && Character.isDigit(text.charAt(i))) octet = octet * 10 + (text.charAt(i++) - '0');
            if (i == start || i - start > 3 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || text.charAt(i) != '.') throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
                i++;
            }
        }
        if (i != n) throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        return new Ipv4Address(value);
    }

    public static Ipv4Address read(byte[] b, int off) {
        return new Ipv4Address(((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
                | (b[off + 3] & 0xff));
    }

    public void write(byte[] b, int off) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
