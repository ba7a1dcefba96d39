package dev.packetlab.stack.wire;

/** An ARP packet for Ethernet and IPv4 (RFC 826) as a value: 28 bytes after the Ethernet header. */
public record ArpPacket(int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
                        Ipv4Address targetIp) {
    public static final int LENGTH = ArpView.LENGTH;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;

    public ArpPacket {
        if (operation != REQUEST && operation != REPLY) {
            throw new IllegalArgumentException("operation " + operation + " is neither request (1) nor reply (2)");
        }
        if (senderMac == null || senderIp == null || targetMac == null || targetIp == null) {
            throw new IllegalArgumentException("null address");
        }
    }

    /** "Who has {@code targetIp}?" — the target MAC is left zero, being what the sender wants to learn (RFC 826). */
    public static ArpPacket request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    public static ArpPacket reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
        return new ArpPacket(REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    public boolean isRequest() { return operation == REQUEST; }

    /** A gratuitous ARP announces the sender's own binding: sender and target IP are the same (RFC 5227 3). */
    public boolean isGratuitous() { return senderIp.equals(targetIp); }

    public static Decoded<ArpPacket> decode(byte[] b, int off, int len) {
        ArpView v = ArpView.wrap(b, off, len);
        Malformed m = v.check();
        if (m != null) return Decoded.failure(m);
        return Decoded.of(new ArpPacket(v.operation(), v.senderMac(), v.senderIp(), v.targetMac(), v.targetIp()));
    }

    /** Writes the 28 bytes at {@code off}; returns the length written. */
    public int emit(byte[] b, int off) {
        ArpView v = ArpView.wrap(b, off, LENGTH);
        v.setEthernetIpv4();
        v.setOperation(operation);
        v.setSenderMac(senderMac);
        v.setSenderIp(senderIp);
        v.setTargetMac(targetMac);
        v.setTargetIp(targetIp);
        return LENGTH;
    }

    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        emit(b, 0);
        return b;
    }
}
