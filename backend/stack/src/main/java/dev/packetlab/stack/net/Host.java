package dev.packetlab.stack.net;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.ArpPacket;
import dev.packetlab.stack.wire.Decoded;
import dev.packetlab.stack.wire.EthernetFrame;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.Ipv4Prefix;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.Malformed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node that speaks IPv4: a host, a server or a router (a router is a host with forwarding on). It owns the IP
 * interfaces, the routing table, the ARP cache, ICMP and fragment reassembly, and hands packets of other protocols
 * to the layer registered for them.
 *
 * <p>Packets travel as whole Ethernet frames: an outgoing IPv4 packet is built at offset 14 of a frame-sized buffer,
 * so that adding the Ethernet header once the next hop's MAC address is known costs no copy. A frame is never
 * changed after it is sent (the trace and other receivers hold it); forwarding works on a copy.
 */
public class Host extends Node implements ArpCache.Owner {
    static final int ETHERNET_HEADER = EthernetFrame.HEADER_LENGTH;

    private final List<Ipv4Interface> interfaces = new ArrayList<>();
    private final RoutingTable routes;
    private final ArpCache arp;
    private final Icmp icmp;
    private final Reassembly reassembly;
    private final IpProtocolHandler[] protocols = new IpProtocolHandler[256];
    private final Sysctl.Tunable forwarding;
    private final Sysctl.Tunable defaultTtl;
    private final Sysctl.Tunable mtuExpires;
    /** RFC 1191 path MTU estimates learned from "fragmentation needed": destination → {mtu, expiry time}. */
    private final Map<Ipv4Address, long[]> pathMtu = new HashMap<>();
    private int nextIdentification;

    /**
     * @param router whether the node forwards packets not addressed to it ({@code net.ipv4.ip_forward})
     */
    public Host(Network network, String name, boolean router) {
        super(network, name);
        forwarding = sysctl().define("net.ipv4.ip_forward", router ? 1 : 0, 0, 1, "bool",
                "1: forward packets addressed to other hosts (a router); 0: drop them (a host)");
        defaultTtl = sysctl().define("net.ipv4.ip_default_ttl", 64, 1, 255, "hops",
                "TTL of the packets this node originates");
        mtuExpires = sysctl().define("net.ipv4.route.mtu_expires", 600, 1, 86_400, "s",
                "how long a path MTU learned from ICMP fragmentation needed is kept (RFC 1191 6.3)");
        routes = new RoutingTable(name, simulation, trace);
        arp = new ArpCache(name, simulation, trace, sysctl(), this);
        icmp = new Icmp(this);
        reassembly = new Reassembly(this);
        nextIdentification = simulation.random(name + "/ip-id").nextInt(65_536);
    }

    public boolean isRouter() { return forwarding.value() == 1; }

    public int defaultTtl() { return (int) defaultTtl.value(); }

    public RoutingTable routes() { return routes; }

    public ArpCache arp() { return arp; }

    Icmp icmp() { return icmp; }

    public List<Ipv4Interface> interfaces() { return Collections.unmodifiableList(interfaces); }

    public Ipv4Interface iface(String deviceName) {
        for (Ipv4Interface i : interfaces) if (i.name().equals(deviceName)) return i;
        return null;
    }

    private Ipv4Interface ifaceOf(NetDevice device) {
        for (Ipv4Interface i : interfaces) if (i.device() == device) return i;
        throw new IllegalStateException(device + " is not an interface of " + name());
    }

    @Override
    protected boolean promiscuous() { return false; }

    @Override
    protected void deviceAdded(NetDevice device) {
        interfaces.add(new Ipv4Interface(device));
    }

    /**
     * An interface taken off: its ARP entries, and every route through it (its connected route and the static routes
     * whose next hop it reached), go with it, as Linux does when a device is deleted.
     */
    @Override
    protected void deviceRemoved(NetDevice device) {
        Ipv4Interface iface = ifaceOf(device);
        arp.flush(iface);
        routes.removeAllThrough(iface);
        interfaces.remove(iface);
    }

    @Override
    protected void deviceStateChanged(NetDevice device) {
        if (!device.isOperational()) arp.flush(ifaceOf(device));
    }

    /** The layer registered for an IP protocol number, or null. */
    public IpProtocolHandler protocolHandler(int protocol) {
        return protocols[protocol];
    }

    /** Registers the layer for an IP protocol number (6 TCP, 17 UDP). */
    public void register(int protocol, IpProtocolHandler handler) {
        protocols[protocol] = handler;
    }

    // ---- configuration ------------------------------------------------------------------------------------

    /** Gives an interface its address and adds the connected route for its subnet (as {@code ip addr add}). */
    public void setAddress(String deviceName, Ipv4Prefix address) {
        Ipv4Interface iface = iface(deviceName);
        if (iface == null) throw new IllegalArgumentException("no interface named \"" + deviceName + "\" on " + name());
        if (iface.address() != null) {
            routes.removeConnected(iface);
            arp.flush(iface);
        }
        iface.setAddress(address);
        routes.add(new Route(address, null, iface, Route.Origin.CONNECTED));
    }

    /**
     * Adds a static route ({@code to} 0.0.0.0/0 for the default gateway). The next hop must be on a connected subnet.
     *
     * @throws IllegalArgumentException with the words of {@code ip route} when it is not, or the route exists
     */
    public void addRoute(Ipv4Prefix to, Ipv4Address via) {
        Ipv4Interface out = null;
        for (Ipv4Interface i : interfaces) if (i.onLink(via)) out = i;
        if (out == null) throw new IllegalArgumentException("Nexthop has invalid gateway: " + via + " is not on a connected subnet");
        routes.add(new Route(to, via, out, Route.Origin.STATIC));
    }

    /** The address this node sends from towards {@code dst}, or null without a route. */
    public Ipv4Address sourceAddressFor(Ipv4Address dst) {
        Route r = routes.lookup(dst);
        return r == null ? null : r.iface().ip();
    }

    /**
     * The largest packet that can go to {@code dst}: the MTU of the interface it leaves through (1500 without a
     * route), or the smaller path MTU a router reported (RFC 1191) while that estimate is fresh.
     */
    public int mtuTowards(Ipv4Address dst) {
        Route r = routes.lookup(dst);
        int mtu = r == null ? 1500 : r.iface().device().mtu();
        long[] learned = pathMtu.get(dst);
        if (learned != null) {
            if (learned[1] <= simulation.now()) pathMtu.remove(dst); // aged out: try the interface's MTU again
            else mtu = (int) Math.min(mtu, learned[0]);
        }
        return mtu;
    }

    /**
     * A router answered "fragmentation needed" for a packet to {@code dst} with its next-hop MTU (RFC 1191 3): packets
     * to {@code dst} are kept to that size for {@code net.ipv4.route.mtu_expires}. Values below 68 (RFC 791's
     * minimum), or not smaller than the current estimate, are ignored.
     */
    void learnPathMtu(Ipv4Address dst, int mtu) {
        if (mtu < 68 || mtu >= mtuTowards(dst)) return;
        pathMtu.put(dst, new long[] {mtu, simulation.now() + mtuExpires.value() * SimTime.SECOND});
    }

    /**
     * An upper layer's word that packets to {@code dst} get through (TCP saw its data acknowledged): the ARP entry of
     * the next hop towards it counts as confirmed (RFC 1122 2.3.2.1; Linux's {@code dst_confirm}).
     */
    public void confirmReachable(Ipv4Address dst) {
        Route r = routes.lookup(dst);
        if (r != null) arp.confirm(r.nextHop(dst));
    }

    /** Whether {@code a} is one of this node's own addresses. */
    public boolean isLocal(Ipv4Address a) {
        for (Ipv4Interface i : interfaces) if (a.equals(i.ip())) return true;
        return false;
    }

    /** Whether {@code a} is the limited broadcast address or the broadcast address of one of this node's subnets. */
    public boolean isBroadcast(Ipv4Address a) {
        if (a.equals(Ipv4Address.BROADCAST)) return true;
        for (Ipv4Interface i : interfaces) if (i.address() != null && i.isSubnetBroadcast(a)) return true;
        return false;
    }

    private boolean isBroadcastFor(Ipv4Interface in, Ipv4Address a) {
        return a.equals(Ipv4Address.BROADCAST) || in.isSubnetBroadcast(a);
    }

    /**
     * Answers a packet this node received (at {@code offset} of {@code packet}) with ICMP destination unreachable,
     * e.g. code 3 "port unreachable" from UDP; RFC 1122 3.2.2's rules on when not to answer apply.
     */
    public void sendDestinationUnreachable(int code, byte[] packet, int offset) {
        icmp.sendError(IcmpMessage.DESTINATION_UNREACHABLE, code, 0, packet, offset);
    }

    /** Opens an ICMP echo endpoint with a fresh identifier. */
    public EchoEndpoint openEcho(EchoListener listener) {
        return icmp.openEcho(listener);
    }

    // ---- receiving ----------------------------------------------------------------------------------------

    @Override
    protected void receive(NetDevice device, byte[] frame) {
        if (frame.length < ETHERNET_HEADER) {
            trace.frameDropped(name(), device.name(), DropReason.MALFORMED, "shorter than an Ethernet header", frame);
            return;
        }
        int type = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        Ipv4Interface in = ifaceOf(device);
        if (type == EthernetFrame.TYPE_IPV4) ipInput(in, frame);
        else if (type == EthernetFrame.TYPE_ARP) arpInput(in, frame);
        else trace.frameDropped(name(), device.name(), DropReason.PROTOCOL_UNREACHABLE,
                    String.format("EtherType 0x%04x is not spoken here", type), frame);
    }

    private void arpInput(Ipv4Interface in, byte[] frame) {
        Decoded<ArpPacket> decoded = ArpPacket.decode(frame, ETHERNET_HEADER, frame.length - ETHERNET_HEADER);
        if (decoded instanceof Decoded.Failure<ArpPacket>(Malformed m)) {
            trace.frameDropped(name(), in.name(), DropReason.MALFORMED, m.toString(), frame);
            return;
        }
        ArpPacket a = ((Decoded.Success<ArpPacket>) decoded).value();
        if (in.ip() == null) return;
        boolean forUs = a.targetIp().equals(in.ip());
        // RFC 826: update an entry we have for the sender; add one if the packet is for us.
        arp.learn(in, a.senderIp(), a.senderMac(), forUs);
        if (forUs && a.operation() == ArpPacket.REQUEST) {
            byte[] reply = EthernetFrame.arp(a.senderMac(), in.device().mac(),
                    ArpPacket.reply(in.device().mac(), in.ip(), a.senderMac(), a.senderIp()));
            in.device().send(reply);
        }
    }

    private void ipInput(Ipv4Interface in, byte[] frame) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, ETHERNET_HEADER, frame.length - ETHERNET_HEADER);
        Malformed problem = ip.check();
        if (problem != null) {
            DropReason reason = problem.badChecksum() ? DropReason.BAD_CHECKSUM : DropReason.MALFORMED;
            trace.frameDropped(name(), in.name(), reason, problem.reason(), frame);
            return;
        }
        Ipv4Address dst = ip.destination();
        if (isLocal(dst) || isBroadcastFor(in, dst)) {
            if (ip.isFragment()) {
                reassembly.accept(in, frame);
            } else {
                deliver(in, frame, ETHERNET_HEADER);
            }
        } else if (isRouter()) {
            forward(in, frame);
        } else {
            trace.frameDropped(name(), in.name(), DropReason.NOT_FOR_US,
                    "IP packet for " + dst + " and net.ipv4.ip_forward is 0", frame);
        }
    }

    /** Hands a whole (reassembled) packet addressed to this node to its protocol. */
    void deliver(Ipv4Interface in, byte[] packet, int offset) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, offset, packet.length - offset);
        int protocol = ip.protocol();
        if (protocol == Icmp.PROTOCOL) {
            icmp.receive(in, packet, offset);
            return;
        }
        IpProtocolHandler handler = protocols[protocol];
        if (handler == null) {
            drop(in, packet, offset, DropReason.PROTOCOL_UNREACHABLE, "no layer for IP protocol " + protocol);
            icmp.sendError(IcmpMessage.DESTINATION_UNREACHABLE, IcmpMessage.PROTOCOL_UNREACHABLE, 0, packet, offset);
            return;
        }
        handler.receive(in, packet, offset);
    }

    /** Reports a drop of a packet held at {@code offset} (14: inside a received frame; 0: a bare IP packet). */
    public void drop(Ipv4Interface in, byte[] packet, int offset, DropReason reason, String detail) {
        if (offset == ETHERNET_HEADER) trace.frameDropped(name(), in == null ? null : in.name(), reason, detail, packet);
        else trace.packetDropped(name(), reason, detail, packet);
    }

    // ---- forwarding (RFC 1812 5.2–5.3) ---------------------------------------------------------------------

    private void forward(Ipv4Interface in, byte[] frame) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, ETHERNET_HEADER, frame.length - ETHERNET_HEADER);
        if (ip.ttl() <= 1) {
            trace.frameDropped(name(), in.name(), DropReason.TTL_EXPIRED, "TTL " + ip.ttl() + " at " + name(), frame);
            icmp.sendError(IcmpMessage.TIME_EXCEEDED, IcmpMessage.TTL_EXCEEDED_IN_TRANSIT, 0, frame, ETHERNET_HEADER);
            return;
        }
        Ipv4Address dst = ip.destination();
        Route route = routes.lookup(dst);
        if (route == null) {
            trace.frameDropped(name(), in.name(), DropReason.NO_ROUTE, "no route to " + dst, frame);
            icmp.sendError(IcmpMessage.DESTINATION_UNREACHABLE, IcmpMessage.NET_UNREACHABLE, 0, frame, ETHERNET_HEADER);
            return;
        }
        int mtu = route.iface().device().mtu();
        if (ip.totalLength() > mtu && ip.dontFragment()) {
            trace.frameDropped(name(), in.name(), DropReason.FRAGMENTATION_NEEDED,
                    ip.totalLength() + " bytes > MTU " + mtu + " of " + route.iface().name(), frame);
            icmp.sendError(IcmpMessage.DESTINATION_UNREACHABLE, IcmpMessage.FRAGMENTATION_NEEDED, mtu, frame, ETHERNET_HEADER);
            return;
        }
        byte[] copy = new byte[Math.max(EthernetFrame.MIN_LENGTH, ETHERNET_HEADER + ip.totalLength())];
        System.arraycopy(frame, 0, copy, 0, ETHERNET_HEADER + ip.totalLength());
        Ipv4HeaderView out = Ipv4HeaderView.wrap(copy, ETHERNET_HEADER, copy.length - ETHERNET_HEADER);
        out.decrementTtl();
        if (out.totalLength() > mtu) {
            for (byte[] fragment : Fragmenter.fragment(copy, mtu)) output(route, dst, fragment);
        } else {
            output(route, dst, copy);
        }
    }

    // ---- sending ------------------------------------------------------------------------------------------

    /**
     * Sends an IPv4 packet this node originates. {@code payload} is the transport header and data.
     * The source address is the address of the outgoing interface.
     */
    public SendResult send(Ipv4Address dst, int protocol, byte[] payload, int ttl, boolean dontFragment) {
        Route route = isLocal(dst) ? null : routes.lookup(dst);
        Ipv4Address src;
        if (isLocal(dst)) {
            src = dst;
        } else if (route == null) {
            trace.packetDropped(name(), DropReason.NO_ROUTE, "no route to " + dst,
                    packet(Ipv4Address.ANY, dst, protocol, payload, ttl, dontFragment));
            return SendResult.NETWORK_UNREACHABLE;
        } else {
            src = route.iface().ip();
        }
        return send(src, dst, protocol, payload, ttl, dontFragment, route);
    }

    /** Sends with a given source address (ICMP errors, replies to a broadcast). */
    SendResult send(Ipv4Address src, Ipv4Address dst, int protocol, byte[] payload, int ttl, boolean dontFragment,
                    Route route) {
        int total = Ipv4HeaderView.MIN_HEADER_LENGTH + payload.length;
        byte[] frame = new byte[Math.max(EthernetFrame.MIN_LENGTH, ETHERNET_HEADER + total)];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, ETHERNET_HEADER, total);
        ip.writeHeader(total, nextIdentification(), dontFragment, ttl, protocol, src, dst);
        System.arraycopy(payload, 0, frame, ETHERNET_HEADER + Ipv4HeaderView.MIN_HEADER_LENGTH, payload.length);
        if (isLocal(dst)) {
            // Loopback: the packet never reaches a wire; deliver it as the next event, as the kernel's lo does.
            Ipv4Interface lo = interfaces.stream().filter(i -> dst.equals(i.ip())).findFirst().orElseThrow();
            simulation.schedule(0, () -> deliver(lo, frame, ETHERNET_HEADER));
            return SendResult.SENT;
        }
        int mtu = mtuTowards(dst);
        if (total > mtu) {
            if (dontFragment) return SendResult.MESSAGE_TOO_LONG;
            for (byte[] fragment : Fragmenter.fragment(frame, mtu)) output(route, dst, fragment);
            return SendResult.SENT;
        }
        output(route, dst, frame);
        return SendResult.SENT;
    }

    private int nextIdentification() {
        int id = nextIdentification;
        nextIdentification = (nextIdentification + 1) & 0xffff;
        return id;
    }

    /** Builds a bare IPv4 packet (no Ethernet header), for reporting a drop before any frame existed. */
    private byte[] packet(Ipv4Address src, Ipv4Address dst, int protocol, byte[] payload, int ttl, boolean df) {
        int total = Ipv4HeaderView.MIN_HEADER_LENGTH + payload.length;
        byte[] p = new byte[total];
        Ipv4HeaderView.wrap(p, 0, total).writeHeader(total, 0, df, ttl, protocol, src, dst);
        System.arraycopy(payload, 0, p, Ipv4HeaderView.MIN_HEADER_LENGTH, payload.length);
        return p;
    }

    /** Puts a frame on the route's interface, resolving the next hop's MAC address first if needed. */
    private void output(Route route, Ipv4Address dst, byte[] frame) {
        Ipv4Interface out = route.iface();
        EthernetFrame.writeHeader(frame, MacAddress.BROADCAST, out.device().mac(), EthernetFrame.TYPE_IPV4);
        if (dst.equals(Ipv4Address.BROADCAST) || out.isSubnetBroadcast(dst)) {
            out.device().send(frame);
            return;
        }
        Ipv4Address nextHop = route.nextHop(dst);
        MacAddress mac = arp.lookup(nextHop);
        if (mac != null) sendResolved(out, frame, mac);
        else arp.resolveAndSend(out, nextHop, frame);
    }

    @Override
    public void sendResolved(Ipv4Interface iface, byte[] frame, MacAddress destination) {
        destination.write(frame, 0);
        iface.device().send(frame);
    }

    @Override
    public void sendRequest(Ipv4Interface iface, Ipv4Address target) {
        iface.device().send(EthernetFrame.arp(MacAddress.BROADCAST, iface.device().mac(),
                ArpPacket.request(iface.device().mac(), iface.ip(), target)));
    }

    @Override
    public void unresolved(Ipv4Interface iface, byte[] frame) {
        // RFC 1812 4.3.3.1 / Linux: a packet that could not be delivered for want of ARP earns its sender a
        // "host unreachable"; for our own packets the error is delivered locally (ping's "Destination Host
        // Unreachable" from our own address).
        icmp.sendError(IcmpMessage.DESTINATION_UNREACHABLE, IcmpMessage.HOST_UNREACHABLE, 0, frame, ETHERNET_HEADER);
    }
}
