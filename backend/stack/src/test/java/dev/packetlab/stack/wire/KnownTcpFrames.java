package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.hex;

import java.util.Arrays;

/**
 * A TCP SYN assembled by hand, field by field, in the layout Linux sends one: 192.168.1.100:52000 → 192.168.1.1:80,
 * the PC of {@link KnownFrames} opening a connection to its router's web page. Its checksums were computed outside
 * PacketLab and are re-derived word by word from {@link KnownFrames#referenceChecksum} in the tests.
 */
final class KnownTcpFrames {
    private KnownTcpFrames() {}

    static final int CLIENT_PORT = 52000;
    static final int HTTP_PORT = 80;
    static final long SYN_SEQ = 123456;
    static final long SYN_TSVAL = 1000;

    /**
     * SYN seq 123456 (0x0001e240), window 64240, options MSS 1460, SACK-permitted, timestamps 1000/0, window scale 7;
     * IPv4 id 0x4d2e, DF, TTL 64, header checksum 0x69d8; TCP checksum 0x17bf.
     */
    static byte[] syn() {
        return hex("0050 56e8 912c 000c 293e 5b7c 0800"                    // Ethernet: to the router, IPv4
                + "4500 003c 4d2e 4000 4006 69d8 c0a8 0164 c0a8 0101"      // 60 bytes, DF, TTL 64, TCP
                + "cb20 0050"                                              // 52000 → 80
                + "0001 e240 0000 0000"                                    // seq 123456, ack 0
                + "a002 faf0 17bf 0000"                                    // offset 10 (40 bytes), SYN, window 64240
                + "0204 05b4"                                              // MSS 1460
                + "0402 080a 0000 03e8 0000 0000"                          // SACK-permitted, timestamps 1000/0
                + "0103 0307");                                            // NOP, window scale 7
    }

    /** The SYN's TCP segment alone: the IPv4 payload. */
    static byte[] synSegment() { return Arrays.copyOfRange(syn(), 34, 74); }

    static TcpOptions linuxSynOptions(long tsval) {
        return TcpOptions.NONE.withMss(1460).withSackPermitted(true).withTimestamps(tsval, 0).withWindowScale(7);
    }

    /** The known SYN as a record. */
    static TcpSegment synRecord() {
        return new TcpSegment(CLIENT_PORT, HTTP_PORT, SYN_SEQ, 0, TcpHeaderView.FLAG_SYN, 64240, 0,
                linuxSynOptions(SYN_TSVAL), Payload.EMPTY);
    }

    /** A segment with the fields a test cares about and the rest zero. */
    static TcpSegment segment(int flags, long seq, long ack, int window, TcpOptions options, String data) {
        return new TcpSegment(CLIENT_PORT, HTTP_PORT, seq, ack, flags, window, 0, options, Payload.ascii(data));
    }

    /** RFC 9293 3.1 from first principles: the 12-byte pseudo-header, then the segment, through the word-by-word sum. */
    static int referenceTcpChecksum(Ipv4Address src, Ipv4Address dst, byte[] segment, int off, int len) {
        byte[] covered = new byte[12 + len];
        src.write(covered, 0);
        dst.write(covered, 4);
        covered[9] = 6;
        covered[10] = (byte) (len >>> 8);
        covered[11] = (byte) len;
        System.arraycopy(segment, off, covered, 12, len);
        return KnownFrames.referenceChecksum(covered, 0, covered.length);
    }

    /** A copy of {@code frame} with the TCP checksum at frame offset 50 recomputed, for tests that damage fields. */
    static byte[] withFixedChecksum(byte[] frame, Ipv4Address src, Ipv4Address dst) {
        byte[] b = frame.clone();
        TcpHeaderView.wrap(b, 34, b.length - 34).updateChecksum(src, dst);
        return b;
    }
}
