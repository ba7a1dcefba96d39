package dev.packetlab.stack.wire;

/**
 * An address with a prefix length, {@code 192.168.1.10/24}. On an interface {@link #address()} is the interface's
 * own address (kept as written, host bits and all) and {@link #network()} its subnet; in a route the address is
 * the network.
 */
public record Ipv4Prefix(Ipv4Address address, int length) {
    public Ipv4Prefix {
        if (address == null) throw new IllegalArgumentException("prefix address is null");
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
        int n = text.length();
        if (slash + 1 == n || n - slash - 1 > 2) throw new IllegalArgumentException("bad prefix length in \"" + text + "\"");
        int length = 0;
        for (int i = slash + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("bad prefix length in \"" + text + "\"");
            length = length * 10 + (c - '0');
        }
        if (length > 32) throw new IllegalArgumentException("prefix length must be 0..32 in \"" + text + "\"");
        return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)), length);
    }

    /** The netmask as an int ({@code /24} → 0xffffff00). Java shifts count mod 32, hence the /0 case. */
    public int mask() { return length == 0 ? 0 : -1 << (32 - length); }

    /** The netmask as an address ({@code /24} → 255.255.255.0), as {@code ifconfig} shows it. */
    public Ipv4Address netmask() { return new Ipv4Address(mask()); }

    public Ipv4Address network() { return new Ipv4Address(address.value() & mask()); }

    /** The directed broadcast address (RFC 919): all host bits set. */
    public Ipv4Address broadcast() { return new Ipv4Address(address.value() | ~mask()); }

    public boolean contains(Ipv4Address a) { return ((a.value() ^ address.value()) & mask()) == 0; }

    @Override
    public String toString() { return address + "/" + length; }
}
