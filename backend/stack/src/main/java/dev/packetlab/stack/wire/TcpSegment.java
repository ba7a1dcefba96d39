package dev.packetlab.stack.wire;

/**
 * A TCP segment as a value (RFC 9293 3.1): what a sender chooses, options and data. Data offset and checksum are not
 * fields: {@link #emit} derives them, and because the checksum covers the IPv4 pseudo-header, {@link #decode} and
 * {@link #emit} take the addresses the segment travels between, as smoltcp's {@code TcpRepr} does.
 *
 * <p>Sequence and acknowledgment numbers are unsigned 32-bit values held in {@code long}s (0..2^32−1), as in
 * {@link TcpHeaderView}; sequence arithmetic modulo 2^32 (RFC 9293 3.4) belongs to the TCP layer.
 *
 * @param flags         the control bits, {@code TcpHeaderView.FLAG_SYN | TcpHeaderView.FLAG_ACK} and so on
 * @param window        SEG.WND as sent (unscaled)
 * @param urgentPointer SEG.UP, meaningful with URG
 */
public record TcpSegment(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgmentNumber, int flags,
                         int window, int urgentPointer, TcpOptions options, Payload payload) {
    /** The most data one segment can carry: an IPv4 packet's 65535 bytes less both 20-byte headers. */
    public static final int MAX_PAYLOAD = Ipv4HeaderView.MAX_TOTAL_LENGTH - Ipv4HeaderView.MIN_HEADER_LENGTH
            - TcpHeaderView.MIN_HEADER_LENGTH;

    public TcpSegment {
        if ((sourcePort & ~0xffff) != 0) throw new IllegalArgumentException("source port must be 0..65535, got " + sourcePort);
        if ((destinationPort & ~0xffff) != 0) {
            throw new IllegalArgumentException("destination port must be 0..65535, got " + destinationPort);
        }
        if ((sequenceNumber & ~0xffff_ffffL) != 0) {
            throw new IllegalArgumentException("sequence number must be 0..4294967295, got " + sequenceNumber);
        }
        if ((acknowledgmentNumber & ~0xffff_ffffL) != 0) {
            throw new IllegalArgumentException("acknowledgment number must be 0..4294967295, got " + acknowledgmentNumber);
        }
        if ((flags & ~0xff) != 0) throw new IllegalArgumentException("flags must be 8 bits, got 0x" + Integer.toHexString(flags));
        if ((window & ~0xffff) != 0) throw new IllegalArgumentException("window must be 0..65535, got " + window);
        if ((urgentPointer & ~0xffff) != 0) throw new IllegalArgumentException("urgent pointer must be 0..65535, got " + urgentPointer);
        if (options == null || payload == null) throw new IllegalArgumentException("null options or payload (use TcpOptions.NONE, Payload.EMPTY)");
        if (payload.length() + options.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(payload.length() + " bytes of data and " + options.length()
                    + " of options exceed the " + MAX_PAYLOAD + " an IPv4 packet holds");
        }
    }

    /**
     * Reads the segment in {@code b[off, off+len)} (the IP payload) sent from {@code source} to {@code destination}.
     * Fails on a short or inconsistent header, malformed options, or a wrong checksum (flagged apart).
     */
    public static Decoded<TcpSegment> decode(byte[] b, int off, int len, Ipv4Address source, Ipv4Address destination) {
        TcpHeaderView v = TcpHeaderView.wrap(b, off, len);
        Malformed m = v.check(source, destination);
        if (m != null) return Decoded.failure(m);
        Decoded<TcpOptions> parsed = TcpOptions.parse(v);
        if (parsed instanceof Decoded.Failure<TcpOptions> f) return Decoded.failure(f.malformed());
        TcpOptions options = parsed.valueOrNull();
        return Decoded.of(new TcpSegment(v.sourcePort(), v.destinationPort(), v.sequenceNumber(), v.acknowledgmentNumber(),
                v.flags(), v.window(), v.urgentPointer(), options, Payload.copyOf(b, v.payloadOffset(), v.payloadLength())));
    }

    /** Whether every bit of {@code flag} (a {@code TcpHeaderView.FLAG_} constant or several) is set. */
    public boolean has(int flag) { return (flags & flag) == flag; }

    /** The header length: 20 bytes and the options, a multiple of 4. */
    public int headerLength() { return TcpHeaderView.MIN_HEADER_LENGTH + options.length(); }

    /** Header and data, in bytes: the IP payload length. */
    public int length() { return headerLength() + payload.length(); }

    /** SEG.LEN, the sequence space the segment occupies (RFC 9293 3.4): the data, plus one each for SYN and FIN. */
    public long sequenceLength() {
        return payload.length() + (has(TcpHeaderView.FLAG_SYN) ? 1 : 0) + (has(TcpHeaderView.FLAG_FIN) ? 1 : 0);
    }

    /** Writes header, options, data and checksum at {@code off}; returns {@link #length()}. */
    public int emit(byte[] b, int off, Ipv4Address source, Ipv4Address destination) {
        int length = length();
        TcpHeaderView v = TcpHeaderView.wrap(b, off, length);
        writeHeader(v, b);
        payload.copyTo(b, v.payloadOffset());
        v.updateChecksum(source, destination);
        return length;
    }

    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        byte[] b = new byte[length()];
        emit(b, 0, source, destination);
        return b;
    }

    /** Writes data the segment's bytes carry without a {@link Payload} in between (see {@link #toBytes(Ipv4Address,
     * Ipv4Address, int, DataSource)}). */
    @FunctionalInterface
    public interface DataSource {
        /** Copies the segment's data to {@code dst[off, off + the length given to toBytes)}. */
        void copyTo(byte[] dst, int off);
    }

    /**
     * The bytes of this segment with {@code dataLength} bytes of data that {@code data} writes straight into them, in
     * place of the record's own payload, which must be empty: a TCP sender copies from its send buffer once, into
     * the bytes that go to IP, instead of into a {@link Payload} first and from there into the bytes.
     *
     * @throws IllegalArgumentException when the record has a payload of its own, or the data would not fit an
     *         IPv4 packet
     */
    public byte[] toBytes(Ipv4Address source, Ipv4Address destination, int dataLength, DataSource data) {
        if (payload.length() != 0) throw new IllegalArgumentException("the segment already carries " + payload.length() + " bytes");
        if (dataLength < 0 || dataLength + options.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(dataLength + " bytes of data and " + options.length()
                    + " of options do not fit the " + MAX_PAYLOAD + " an IPv4 packet holds");
        }
        int header = headerLength();
        byte[] b = new byte[header + dataLength];
        TcpHeaderView v = TcpHeaderView.wrap(b, 0, b.length);
        writeHeader(v, b);
        data.copyTo(b, header);
        v.updateChecksum(source, destination);
        return b;
    }

    private void writeHeader(TcpHeaderView v, byte[] b) {
        v.setSourcePort(sourcePort);
        v.setDestinationPort(destinationPort);
        v.setSequenceNumber(sequenceNumber);
        v.setAcknowledgmentNumber(acknowledgmentNumber);
        v.setHeaderLength(headerLength());
        v.setFlags(flags);
        v.setWindow(window);
        v.setUrgentPointer(urgentPointer);
        options.emit(b, v.optionsOffset());
    }
}
