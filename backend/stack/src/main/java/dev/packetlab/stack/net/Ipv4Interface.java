package dev.packetlab.stack.net;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;

/**
 * An interface as IP sees it: a NIC with an address and the prefix of the subnet it sits on
 * ({@code 192.168.1.10/24}). An interface without an address still receives ARP and frames, but sends no IP.
 */
public final class Ipv4Interface {
    private final NetDevice device;
    private Ipv4Prefix address;

    Ipv4Interface(NetDevice device) {
        this.device = device;
    }

    public NetDevice device() { return device; }

    public String name() { return device.name(); }

    /** The interface's address with the prefix length of its subnet, or null when unconfigured. */
    public Ipv4Prefix address() { return address; }

    void setAddress(Ipv4Prefix address) { this.address = address; }

    /** The interface's own address, or null. */
    public Ipv4Address ip() { return address == null ? null : address.address(); }

    /** Whether {@code a} is on this interface's subnet. */
    public boolean onLink(Ipv4Address a) { return address != null && address.contains(a); }

    /** Whether {@code a} is this subnet's directed broadcast address. */
    public boolean isSubnetBroadcast(Ipv4Address a) {
        return address != null && address.length() < 31 && address.broadcast().equals(a);
    }

    @Override
    public String toString() { return device.name() + (address == null ? "" : " " + address); }
}
