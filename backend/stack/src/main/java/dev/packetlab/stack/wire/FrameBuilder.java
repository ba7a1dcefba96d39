package dev.packetlab.stack.wire;

/**
 * Builds a whole Ethernet frame — Ethernet II, IPv4 without options, then ICMP, UDP or TCP, or an ARP frame — into one
 * byte array of exactly the frame's size (padded to 60 bytes), writing each layer in place with its checksum. One
 * allocation per frame: the link layer passes these arrays around as they are.
 *
 * <pre>{@code
 * byte[] frame = FrameBuilder.ethernet(gatewayMac, myMac)
 *         .ipv4(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.53")).ttl(64).identification(7)
 *         .udp(new UdpDatagram(33000, 53, query));
 * }</pre>
 *
 * A builder holds the header fields of the frames it builds and may build several.
 */
public final class FrameBuilder {
    /** Where the IPv4 header starts in a frame. */
    public static final int IPV4_OFFSET = EthernetFrame.HEADER_LENGTH;
    /** Where the transport header starts in a frame whose IPv4 header has no options. */
    public static final int TRANSPORT_OFFSET = IPV4_OFFSET + Ipv4HeaderView.MIN_HEADER_LENGTH;
    /** RFC 1122 3.2.1.7 recommends 64 as a host's default TTL. */
    public static final int DEFAULT_TTL = 64;

    private final MacAddress destinationMac;
    private final MacAddress sourceMac;
    private Ipv4Address source;
    private Ipv4Address destination;
    private int ttl = DEFAULT_TTL;
    private int identification;
    private boolean dontFragment;
    private int dscp;
    private int ecn;

    private FrameBuilder(MacAddress destinationMac, MacAddress sourceMac) {
        this.destinationMac = destinationMac;
        this.sourceMac = sourceMac;
    }

    /** Frames from {@code source} to {@code destination} (destination first, as in the header). */
    public static FrameBuilder ethernet(MacAddress destination, MacAddress source) {
        if (destination == null || source == null) throw new IllegalArgumentException("null MAC address");
        return new FrameBuilder(destination, source);
    }

    /** The IPv4 source and destination of the packets this builder wraps. */
    public FrameBuilder ipv4(Ipv4Address source, Ipv4Address destination) {
        if (source == null || destination == null) throw new IllegalArgumentException("null IPv4 address");
        this.source = source;
        this.destination = destination;
        return this;
    }

    public FrameBuilder ttl(int ttl) {
        if ((ttl & ~0xff) != 0) throw new IllegalArgumentException("TTL must be 0..255, got " + ttl);
        this.ttl = ttl;
        return this;
    }

    public FrameBuilder identification(int identification) {
        if ((identification & ~0xffff) != 0) throw new IllegalArgumentException("identification must be 16 bits, got " + identification);
        this.identification = identification;
        return this;
    }

    public FrameBuilder dontFragment(boolean df) {
        this.dontFragment = df;
        return this;
    }

    public FrameBuilder dscpEcn(int dscp, int ecn) {
        if ((dscp & ~0x3f) != 0 || (ecn & ~3) != 0) throw new IllegalArgumentException("DSCP must be 0..63 and ECN 0..3");
        this.dscp = dscp;
        this.ecn = ecn;
        return this;
    }

    /** An ARP frame (the IPv4 settings are not used). */
    public byte[] arp(ArpPacket packet) {
        byte[] frame = new byte[EthernetFrame.paddedLength(ArpPacket.LENGTH)];
        EthernetFrame.writeHeader(frame, destinationMac, sourceMac, EthernetFrame.TYPE_ARP);
        packet.emit(frame, IPV4_OFFSET);
        return frame;
    }

    /** An Ethernet + IPv4 + ICMP frame. */
    public byte[] icmp(IcmpMessage message) {
        byte[] frame = ipv4Frame(Ipv4HeaderView.PROTOCOL_ICMP, message.length());
        message.emit(frame, TRANSPORT_OFFSET);
        return frame;
    }

    /** An Ethernet + IPv4 + UDP frame, UDP checksum over this builder's addresses. */
    public byte[] udp(UdpDatagram datagram) {
        byte[] frame = ipv4Frame(Ipv4HeaderView.PROTOCOL_UDP, datagram.length());
        datagram.emit(frame, TRANSPORT_OFFSET, source, destination);
        return frame;
    }

    /** An Ethernet + IPv4 + TCP frame, TCP checksum over this builder's addresses. */
    public byte[] tcp(TcpSegment segment) {
        byte[] frame = ipv4Frame(Ipv4HeaderView.PROTOCOL_TCP, segment.length());
        segment.emit(frame, TRANSPORT_OFFSET, source, destination);
        return frame;
    }

    /** As {@link #udp(UdpDatagram)} straight from the caller's buffer, without copying the data into a record first. */
    public byte[] udp(int sourcePort, int destinationPort, byte[] data, int off, int len) {
        if (((sourcePort | destinationPort) & ~0xffff) != 0) throw new IllegalArgumentException("ports must be 0..65535");
        byte[] frame = ipv4Frame(Ipv4HeaderView.PROTOCOL_UDP, UdpHeaderView.HEADER_LENGTH + len);
        System.arraycopy(data, off, frame, TRANSPORT_OFFSET + UdpHeaderView.HEADER_LENGTH, len);
        UdpHeaderView.wrap(frame, TRANSPORT_OFFSET, UdpHeaderView.HEADER_LENGTH + len)
                .writeHeader(sourcePort, destinationPort, len, source, destination);
        return frame;
    }

    /**
     * An Ethernet + IPv4 frame carrying {@code payload[off, off+len)} as it is, for a transport whose header and
     * checksum the caller has already written (TCP segments, fragments).
     */
    public byte[] ipv4(int protocol, byte[] payload, int off, int len) {
        if ((protocol & ~0xff) != 0) throw new IllegalArgumentException("protocol must be 0..255, got " + protocol);
        byte[] frame = ipv4Frame(protocol, len);
        System.arraycopy(payload, off, frame, TRANSPORT_OFFSET, len);
        return frame;
    }

    /** A zeroed frame of the exact size with Ethernet and IPv4 headers written, IPv4 checksum included. */
    private byte[] ipv4Frame(int protocol, int payloadLength) {
        if (source == null) throw new IllegalStateException("call ipv4(source, destination) before building an IPv4 frame");
        int total = Ipv4HeaderView.MIN_HEADER_LENGTH + payloadLength;
        if (total > Ipv4HeaderView.MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("a " + payloadLength + "-byte payload exceeds the 65515 an IPv4 packet holds");
        }
        byte[] frame = new byte[EthernetFrame.paddedLength(total)];
        EthernetFrame.writeHeader(frame, destinationMac, sourceMac, EthernetFrame.TYPE_IPV4);
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, IPV4_OFFSET, total);
        ip.setVersionAndHeaderLength(Ipv4HeaderView.MIN_HEADER_LENGTH);
        ip.setDscpEcn(dscp, ecn);
        ip.setTotalLength(total);
        ip.setIdentification(identification);
        ip.setDontFragment(dontFragment);
        ip.setTtl(ttl);
        ip.setProtocol(protocol);
        ip.setSource(source);
        ip.setDestination(destination);
        ip.updateChecksum();
        return frame;
    }
}
