package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;

/**
 * Reads and writes an Ethernet II frame in place (IEEE 802.3 3.1.1 with an EtherType): destination, source,
 * EtherType, payload. PacketLab's frames carry no FCS (see {@link EthernetFrame}), so the payload runs to the end
 * of the frame, minimum-size padding included: Ethernet II has no length field to tell padding from data.
 */
public final class EthernetView {
    /** Byte offsets of the header fields. */
    static final class Field {
        static final int DESTINATION = 0;
        static final int SOURCE = 6;
        static final int ETHERTYPE = 12;
        static final int PAYLOAD = 14;
    }

    public static final int HEADER_LENGTH = Field.PAYLOAD;

    private final byte[] b;
    private final int off;
    private final int len;

    private EthernetView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    /** A view of the frame in {@code [offset, offset+length)} of {@code buffer}. */
    public static EthernetView wrap(byte[] buffer, int offset, int length) {
        return new EthernetView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /**
     * Null when the bytes hold at least a header. Runt frames (under 60 bytes) are accepted: captures from the
     * sending host show them before the NIC pads them, and the header alone is all a receiver needs.
     */
    public Malformed check() {
        if (len < HEADER_LENGTH) return Malformed.of("Ethernet", "only " + len + " bytes, a header needs 14");
        return null;
    }

    public int length() { return len; }

    public MacAddress destination() { return MacAddress.read(b, off + Field.DESTINATION); }

    public MacAddress source() { return MacAddress.read(b, off + Field.SOURCE); }

    /** The destination as bits, for a switch's MAC table lookup without allocating. */
    public long destinationBits() { return MacAddress.bits(b, off + Field.DESTINATION); }

    public long sourceBits() { return MacAddress.bits(b, off + Field.SOURCE); }

    public int etherType() { return u16(b, off + Field.ETHERTYPE); }

    public int payloadOffset() { return off + Field.PAYLOAD; }

    public int payloadLength() { return len - Field.PAYLOAD; }

    public void setDestination(MacAddress a) { a.write(b, off + Field.DESTINATION); }

    public void setSource(MacAddress a) { a.write(b, off + Field.SOURCE); }

    public void setEtherType(int type) { put16(b, off + Field.ETHERTYPE, type); }
}
