package dev.packetlab.stack.wire;

/**
 * An IPv4 packet as a value (RFC 791): the header fields a sender chooses, and the payload. Header length, total
 * length and checksum are not fields: {@link #emit} derives them. Options of a received packet are skipped, and
 * an emitted packet has none (PacketLab's stack sends no options, as most hosts today).
 */
public record Ipv4Packet(int dscp, int ecn, int identification, boolean dontFragment, boolean moreFragments,
                         int fragmentOffset, int ttl, int protocol, Ipv4Address source, Ipv4Address destination,
                         Payload payload) {
    public static final int HEADER_LENGTH = Ipv4HeaderView.MIN_HEADER_LENGTH;

    public Ipv4Packet {
        if ((dscp & ~0x3f) != 0) throw new IllegalArgumentException("DSCP must be 0..63, got " + dscp);
        if ((ecn & ~3) != 0) throw new IllegalArgumentException("ECN must be 0..3, got " + ecn);
        if ((identification & ~0xffff) != 0) throw new IllegalArgumentException("identification must be 16 bits, got " + identification);
        if ((fragmentOffset & ~0x1fff) != 0) throw new IllegalArgumentException("fragment offset must be 0..8191 units, got " + fragmentOffset);
        if ((ttl & ~0xff) != 0) throw new IllegalArgumentException("TTL must be 0..255, got " + ttl);
        if ((protocol & ~0xff) != 0) throw new IllegalArgumentException("protocol must be 0..255, got " + protocol);
        if (source == null || destination == null || payload == null) throw new IllegalArgumentException("null field");
        if (HEADER_LENGTH + payload.length() > Ipv4HeaderView.MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("payload of " + payload.length() + " bytes exceeds the 65515 an IPv4 packet holds");
        }
    }

    /** An unfragmented packet with DF clear, DSCP/ECN zero and identification 0. */
    public static Ipv4Packet of(Ipv4Address source, Ipv4Address destination, int protocol, int ttl, Payload payload) {
        return new Ipv4Packet(0, 0, 0, false, false, 0, ttl, protocol, source, destination, payload);
    }

    /**
     * Reads a packet whose header starts at {@code off}; the payload is cut at the total length, so that Ethernet
     * padding after it is not taken for data. A bad header checksum is a failure with {@code badChecksum} set.
     */
    public static Decoded<Ipv4Packet> decode(byte[] b, int off, int len) {
        Ipv4HeaderView v = Ipv4HeaderView.wrap(b, off, len);
        Malformed m = v.check();
        if (m != null) return Decoded.failure(m);
        return Decoded.of(new Ipv4Packet(v.dscp(), v.ecn(), v.identification(), v.dontFragment(), v.moreFragments(),
                v.fragmentOffset(), v.ttl(), v.protocol(), v.source(), v.destination(),
                Payload.copyOf(b, v.payloadOffset(), v.payloadLength())));
    }

    public int totalLength() { return HEADER_LENGTH + payload.length(); }

    /** Writes header (checksum included) and payload at {@code off}; returns {@link #totalLength()}. */
    public int emit(byte[] b, int off) {
        int total = totalLength();
        Ipv4HeaderView v = Ipv4HeaderView.wrap(b, off, total);
        writeHeader(v, total);
        payload.copyTo(b, off + HEADER_LENGTH);
        return total;
    }

    /** Writes this packet's header for a packet of {@code total} bytes, checksum last. */
    void writeHeader(Ipv4HeaderView v, int total) {
        v.setVersionAndHeaderLength(HEADER_LENGTH);
        v.setDscpEcn(dscp, ecn);
        v.setTotalLength(total);
        v.setIdentification(identification);
        v.setDontFragment(false);
        v.setFragment(fragmentOffset, moreFragments);
        v.setDontFragment(dontFragment);
        v.setTtl(ttl);
        v.setProtocol(protocol);
        v.setSource(source);
        v.setDestination(destination);
        v.updateChecksum();
    }

    public byte[] toBytes() {
        byte[] b = new byte[totalLength()];
        emit(b, 0);
        return b;
    }
}
