package dev.packetlab.stack.wire;

/**
 * An ICMP message as a value (RFC 792): the kinds PacketLab's stack sends and answers, each its own record so that
 * a receive path can switch over them, and {@link Other} for every other type, kept whole so that decoding a
 * redirect or a timestamp request is not a failure. The checksum is not a field: {@link #emit} computes it.
 */
public sealed interface IcmpMessage {
    int ECHO_REPLY = 0;
    int DESTINATION_UNREACHABLE = 3;
    int ECHO_REQUEST = 8;
    int TIME_EXCEEDED = 11;

    /** Destination-unreachable codes (RFC 792; 13 from RFC 1812 5.2.7.1). */
    int NET_UNREACHABLE = 0;
    int HOST_UNREACHABLE = 1;
    int PROTOCOL_UNREACHABLE = 2;
    int PORT_UNREACHABLE = 3;
    int FRAGMENTATION_NEEDED = 4;
    int ADMINISTRATIVELY_PROHIBITED = 13;

    /** Time-exceeded codes (RFC 792). */
    int TTL_EXCEEDED_IN_TRANSIT = 0;
    int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

    int HEADER_LENGTH = IcmpView.HEADER_LENGTH;

    /**
     * How much of the offending datagram's payload an error quotes after its IP header. RFC 792 asks for 64 bits;
     * RFC 1812 4.3.2.3 lets a router quote up to 576 bytes in all, but 8 is what the RFC 792 figure shows a
     * learner, and it is enough for the receiver's demux: the UDP or TCP ports and TCP's sequence number are in
     * those 8 bytes (RFC 1122 3.2.2).
     */
    int QUOTED_PAYLOAD = 8;

    int type();

    int code();

    /** Bytes 4–7 of the message, as sent. */
    int restOfHeader();

    /** Everything after the 8-byte header: echo data, or the quoted datagram of an error. */
    Payload body();

    /** The message's length: header plus body. */
    default int length() { return HEADER_LENGTH + body().length(); }

    /** Writes the message at {@code off}, checksum included; returns {@link #length()}. */
    default int emit(byte[] b, int off) {
        int n = length();
        IcmpView v = IcmpView.wrap(b, off, n);
        v.setType(type());
        v.setCode(code());
        v.setRestOfHeader(restOfHeader());
        body().copyTo(b, v.dataOffset());
        v.updateChecksum();
        return n;
    }

    default byte[] toBytes() {
        byte[] b = new byte[length()];
        emit(b, 0);
        return b;
    }

    /** Reads a message; the checksum must be right (a mismatch is a failure with {@code badChecksum} set). */
    static Decoded<IcmpMessage> decode(byte[] b, int off, int len) {
        IcmpView v = IcmpView.wrap(b, off, len);
        Malformed m = v.check();
        if (m != null) return Decoded.failure(m);
        int type = v.type();
        int code = v.code();
        Payload body = Payload.copyOf(b, v.dataOffset(), v.dataLength());
        switch (type) {
            case ECHO_REQUEST, ECHO_REPLY -> {
                if (code != 0) return Decoded.failure("ICMP", "echo with code " + code + ", expected 0");
                return Decoded.of(type == ECHO_REQUEST ? new EchoRequest(v.identifier(), v.sequence(), body)
                        : new EchoReply(v.identifier(), v.sequence(), body));
            }
            case DESTINATION_UNREACHABLE, TIME_EXCEEDED -> {
                if (body.length() < Ipv4HeaderView.MIN_HEADER_LENGTH) {
                    return Decoded.failure("ICMP", "quoted datagram of " + body.length()
                            + " bytes is shorter than an IPv4 header (20)");
                }
                if (type == TIME_EXCEEDED) return Decoded.of(new TimeExceeded(code, body));
                // RFC 1191 4: only "fragmentation needed" gives bytes 6–7 a meaning; elsewhere they are unused.
                int mtu = code == FRAGMENTATION_NEEDED ? v.nextHopMtu() : 0;
                return Decoded.of(new DestinationUnreachable(code, mtu, body));
            }
            default -> {
                return Decoded.of(new Other(type, code, v.restOfHeader(), body));
            }
        }
    }

    /**
     * What an error about the packet at {@code packet[off, off+len)} quotes: its IP header (options included) and
     * the first {@link #QUOTED_PAYLOAD} bytes of its payload, fewer if the packet is shorter. Never throws: bytes
     * that are not a valid header are quoted as far as they go.
     */
    static Payload quote(byte[] packet, int off, int len) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, off, len);
        int available = ip.length();
        if (available == 0) return Payload.EMPTY;
        int n = Math.min(available, ip.headerLength() + QUOTED_PAYLOAD);
        if (ip.checkStructure() == null) n = Math.min(n, ip.totalLength());
        return Payload.copyOf(packet, off, n);
    }

    /** Destination unreachable quoting the packet at {@code packet[off, off+len)}; not for code 4, which needs an MTU. */
    static DestinationUnreachable destinationUnreachable(int code, byte[] packet, int off, int len) {
        return new DestinationUnreachable(code, 0, quote(packet, off, len));
    }

    /** "Fragmentation needed and DF set" with the next-hop MTU in bytes 6–7 (RFC 1191 4), for path MTU discovery. */
    static DestinationUnreachable fragmentationNeeded(int nextHopMtu, byte[] packet, int off, int len) {
        return new DestinationUnreachable(FRAGMENTATION_NEEDED, nextHopMtu, quote(packet, off, len));
    }

    static TimeExceeded timeExceeded(int code, byte[] packet, int off, int len) {
        return new TimeExceeded(code, quote(packet, off, len));
    }

    /** Echo request (type 8): what ping sends. */
    record EchoRequest(int identifier, int sequence, Payload data) implements IcmpMessage {
        public EchoRequest {
            checkEcho(identifier, sequence, data);
        }

        /** The reply a host sends back: same identifier, sequence and data (RFC 792, "Echo or Echo Reply Message"). */
        public EchoReply reply() { return new EchoReply(identifier, sequence, data); }

        @Override public int type() { return ECHO_REQUEST; }

        @Override public int code() { return 0; }

        @Override public int restOfHeader() { return (identifier << 16) | sequence; }

        @Override public Payload body() { return data; }
    }

    /** Echo reply (type 0). */
    record EchoReply(int identifier, int sequence, Payload data) implements IcmpMessage {
        public EchoReply {
            checkEcho(identifier, sequence, data);
        }

        @Override public int type() { return ECHO_REPLY; }

        @Override public int code() { return 0; }

        @Override public int restOfHeader() { return (identifier << 16) | sequence; }

        @Override public Payload body() { return data; }
    }

    /**
     * Destination unreachable (type 3). {@code nextHopMtu} is the RFC 1191 field of code 4 and zero for the other
     * codes, where those bytes are unused. {@code original} is the quoted IP header and payload bytes.
     */
    record DestinationUnreachable(int code, int nextHopMtu, Payload original) implements IcmpMessage {
        public DestinationUnreachable {
            checkCode(code);
            if ((nextHopMtu & ~0xffff) != 0) throw new IllegalArgumentException("next-hop MTU must be 16 bits, got " + nextHopMtu);
            if (code != FRAGMENTATION_NEEDED && nextHopMtu != 0) {
                throw new IllegalArgumentException("only code 4 (fragmentation needed) carries a next-hop MTU");
            }
            if (original == null) throw new IllegalArgumentException("null original");
        }

        @Override public int type() { return DESTINATION_UNREACHABLE; }

        @Override public int restOfHeader() { return nextHopMtu; }

        @Override public Payload body() { return original; }
    }

    /** Time exceeded (type 11): code 0 TTL exceeded in transit (traceroute's answer), 1 reassembly timed out. */
    record TimeExceeded(int code, Payload original) implements IcmpMessage {
        public TimeExceeded {
            checkCode(code);
            if (original == null) throw new IllegalArgumentException("null original");
        }

        @Override public int type() { return TIME_EXCEEDED; }

        @Override public int restOfHeader() { return 0; }

        @Override public Payload body() { return original; }
    }

    /** Any other type, kept as received: rest of header and body uninterpreted. */
    record Other(int type, int code, int restOfHeader, Payload body) implements IcmpMessage {
        public Other {
            if ((type & ~0xff) != 0) throw new IllegalArgumentException("type must be 0..255, got " + type);
            if (type == ECHO_REQUEST || type == ECHO_REPLY || type == DESTINATION_UNREACHABLE || type == TIME_EXCEEDED) {
                throw new IllegalArgumentException("type " + type + " has its own record");
            }
            checkCode(code);
            if (body == null) throw new IllegalArgumentException("null body");
        }
    }

    private static void checkEcho(int identifier, int sequence, Payload data) {
        if ((identifier & ~0xffff) != 0) throw new IllegalArgumentException("identifier must be 16 bits, got " + identifier);
        if ((sequence & ~0xffff) != 0) throw new IllegalArgumentException("sequence must be 16 bits, got " + sequence);
        if (data == null) throw new IllegalArgumentException("null data");
    }

    private static void checkCode(int code) {
        if ((code & ~0xff) != 0) throw new IllegalArgumentException("code must be 0..255, got " + code);
    }
}
