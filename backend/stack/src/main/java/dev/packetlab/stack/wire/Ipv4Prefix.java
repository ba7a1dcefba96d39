package dev.packetlab.stack.wire;

/**
 * An address with a prefix length, {@code 192.168.1.10/24}: on an interface it is the interface's address and its
 * subnet; in a route the address is the network.
 */
public record Ipv4Prefix(Ipv4Address address, int length) {
    public Ipv4Prefix {
        if (length < 0 || length > 32) throw new IllegalArgumentException("prefix length must be 0..32, got " + length);
    }

    /**
     * Parses {@code 10.0.0.0/8} or {@code 192.168.1.10/24}.
     *
     * @throws IllegalArgumentException naming the text when it is not an address with a prefix length
     */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("missing prefix length in \"" + text + "\" (e.g. 10.0.0.1/24)");
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in \"" + text + "\"");
        }
        if (length < 0 || length > 32) throw new IllegalArgumentException("prefix length must be 0..32 in \"" + text + "\"");
        return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)), length);
    }

    /** The netmask as an int ({@code /24} → 0xffffff00). */
    public int mask() { return length == 0 ? 0 : -1 << (32 - length); }

    public Ipv4Address network() { return new Ipv4Address(address.value() & mask()); }

    public Ipv4Address broadcast() { return new Ipv4Address(address.value() | ~mask()); }

    public boolean contains(Ipv4Address a) { return ((a.value() ^ address.value()) & mask()) == 0; }

    @Override
    public String toString() { return address + "/" + length; }
}
