package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import java.util.HashMap;
import java.util.Map;

/**
 * ICMP for one node (RFC 792, RFC 1122 3.2.2): answers echo requests, delivers echo replies and errors to the echo
 * endpoint or protocol layer they concern, and generates errors for packets it cannot deliver or forward.
 */
final class Icmp {
    static final int PROTOCOL = 1;

    private final Host host;
    private final Map<Integer, EchoEndpoint> endpoints = new HashMap<>();
    private int nextIdentifier;

    Icmp(Host host) {
        this.host = host;
        this.nextIdentifier = host.network().simulation().random(host.name() + "/icmp-id").nextInt(65_536);
    }

    EchoEndpoint openEcho(EchoListener listener) {
        int id;
        do {
            id = nextIdentifier;
            nextIdentifier = (nextIdentifier + 1) & 0xffff;
        } while (endpoints.containsKey(id));
        EchoEndpoint e = new EchoEndpoint(host, id, listener);
        endpoints.put(id, e);
        return e;
    }

    void closeEcho(EchoEndpoint e) {
        endpoints.remove(e.identifier());
    }

    SendResult sendEchoRequest(Ipv4Address dst, int id, int seq, int dataLength, int ttl, boolean df) {
        byte[] message = new byte[IcmpView.HEADER_LENGTH + dataLength];
        IcmpView icmp = IcmpView.wrap(message, 0, message.length);
        icmp.setType(IcmpMessage.ECHO_REQUEST);
        icmp.setCode(0);
        icmp.setIdentifier(id);
        icmp.setSequence(seq);
        // Data as iputils ping fills it: a timestamp (here the simulated send time, as a 64-bit struct timeval)
        // when there is room for one, then bytes counting up.
        long now = host.network().simulation().now();
        int data = IcmpView.HEADER_LENGTH;
        for (int i = 0; i < dataLength; i++) message[data + i] = (byte) i;
        if (dataLength >= 16) {
            putLittleEndian(message, data, now / 1_000_000_000L);
            putLittleEndian(message, data + 8, (now % 1_000_000_000L) / 1000);
        }
        icmp.updateChecksum();
        return host.send(dst, PROTOCOL, message, ttl, df);
    }

    private static void putLittleEndian(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    void receive(Ipv4Interface in, byte[] packet, int offset) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, offset, packet.length - offset);
        int at = offset + ip.headerLength();
        int length = ip.totalLength() - ip.headerLength();
        IcmpView icmp = IcmpView.wrap(packet, at, length);
        var problem = icmp.check();
        if (problem != null) {
            host.drop(in, packet, offset, problem.badChecksum() ? DropReason.BAD_CHECKSUM : DropReason.MALFORMED,
                    problem.reason());
            return;
        }
        switch (icmp.type()) {
            case IcmpMessage.ECHO_REQUEST -> answerEcho(in, ip, packet, offset, at, length);
            case IcmpMessage.ECHO_REPLY -> {
                EchoEndpoint e = endpoints.get(icmp.identifier());
                if (e != null) e.listener.reply(ip.source(), icmp.sequence(), ip.ttl(), length);
            }
            case IcmpMessage.DESTINATION_UNREACHABLE, IcmpMessage.TIME_EXCEEDED -> error(icmp, ip.source(), packet, at, length);
            default -> { } // other types (timestamp, redirect…) are not spoken; RFC 1122 3.2.2: silently discard
        }
    }

    /** RFC 792: the reply swaps the addresses and carries the request's identifier, sequence and data. */
    private void answerEcho(Ipv4Interface in, Ipv4HeaderView request, byte[] packet, int offset, int at, int length) {
        byte[] reply = new byte[length];
        System.arraycopy(packet, at, reply, 0, length);
        IcmpView icmp = IcmpView.wrap(reply, 0, length);
        icmp.setType(IcmpMessage.ECHO_REPLY);
        icmp.updateChecksum();
        Ipv4Address src = host.isLocal(request.destination()) ? request.destination() : in.ip();
        Ipv4Address dst = request.source();
        Route route = host.isLocal(dst) ? null : host.routes().lookup(dst);
        if (route == null && !host.isLocal(dst)) {
            host.drop(in, packet, offset, DropReason.NO_ROUTE, "no route back to " + dst);
            return;
        }
        host.send(src, dst, PROTOCOL, reply, host.defaultTtl(), false, route);
    }

    /** Delivers an error to whoever sent the packet it quotes. */
    private void error(IcmpView icmp, Ipv4Address from, byte[] packet, int at, int length) {
        int quotedAt = at + IcmpView.HEADER_LENGTH;
        int quotedLength = length - IcmpView.HEADER_LENGTH;
        Ipv4HeaderView quoted = Ipv4HeaderView.wrap(packet, quotedAt, quotedLength);
        if (quotedLength < Ipv4HeaderView.MIN_HEADER_LENGTH + IcmpMessage.QUOTED_PAYLOAD || !host.isLocal(quoted.source())
                && !quoted.source().equals(Ipv4Address.ANY)) {
            return;
        }
        int mtu = icmp.type() == IcmpMessage.DESTINATION_UNREACHABLE && icmp.code() == IcmpMessage.FRAGMENTATION_NEEDED
                ? icmp.nextHopMtu() : 0;
        if (mtu > 0) host.learnPathMtu(quoted.destination(), mtu);
        if (quoted.protocol() == PROTOCOL) {
            IcmpView original = IcmpView.wrap(packet, quotedAt + quoted.headerLength(), IcmpMessage.QUOTED_PAYLOAD);
            if (original.type() != IcmpMessage.ECHO_REQUEST) return;
            EchoEndpoint e = endpoints.get(original.identifier());
            if (e != null) e.listener.error(from, icmp.type(), icmp.code(), original.sequence(), mtu);
            return;
        }
        IpProtocolHandler handler = host.protocolHandler(quoted.protocol());
        if (handler != null) handler.icmpError(from, icmp.type(), icmp.code(), mtu, packet, quotedAt, quotedLength);
    }

    /**
     * Sends an ICMP error about the packet at {@code offset} of {@code packet} back to its source, unless
     * RFC 1122 3.2.2 forbids it: never about an ICMP error, a fragment other than the first, or a packet to or from
     * a broadcast address or from 0.0.0.0.
     */
    void sendError(int type, int code, int nextHopMtu, byte[] packet, int offset) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, offset, packet.length - offset);
        if (ip.fragmentOffset() != 0) return;
        Ipv4Address src = ip.source();
        Ipv4Address dst = ip.destination();
        if (src.equals(Ipv4Address.ANY) || src.equals(Ipv4Address.BROADCAST) || isMulticast(src)
                || dst.equals(Ipv4Address.BROADCAST) || isMulticast(dst) || isSubnetBroadcast(dst)) {
            return;
        }
        if (ip.protocol() == PROTOCOL) {
            IcmpView offending = IcmpView.wrap(packet, offset + ip.headerLength(), ip.totalLength() - ip.headerLength());
            if (ip.totalLength() - ip.headerLength() < 1 || IcmpReport.isError(offending.type())) return;
        }
        int length = packet.length - offset;
        IcmpMessage error = type == IcmpMessage.TIME_EXCEEDED ? IcmpMessage.timeExceeded(code, packet, offset, length)
                : code == IcmpMessage.FRAGMENTATION_NEEDED ? IcmpMessage.fragmentationNeeded(nextHopMtu, packet, offset, length)
                : IcmpMessage.destinationUnreachable(code, packet, offset, length);
        byte[] message = error.toBytes();
        if (host.isLocal(src)) {
            host.send(src, src, PROTOCOL, message, host.defaultTtl(), false, null);
            return;
        }
        Route back = host.routes().lookup(src);
        if (back == null) return;
        host.send(back.iface().ip(), src, PROTOCOL, message, host.defaultTtl(), false, back);
    }

    private static boolean isMulticast(Ipv4Address a) {
        return (a.value() >>> 28) == 0xe;
    }

    private boolean isSubnetBroadcast(Ipv4Address a) {
        for (Ipv4Interface i : host.interfaces()) if (i.isSubnetBroadcast(a)) return true;
        return false;
    }
}
