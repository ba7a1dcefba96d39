package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.UDP_DESTINATION;
import static dev.packetlab.stack.wire.KnownFrames.UDP_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpDatagramTest {
    private static final Ipv4Address OTHER = Ipv4Address.parse("10.0.0.3");

    private static byte[] helloDatagram() { return Arrays.copyOfRange(KnownFrames.udpHello(), 34, 47); }

    /** RFC 768 from first principles: pseudo-header bytes, then the datagram, through the word-by-word checksum. */
    private static int referenceUdpChecksum(Ipv4Address src, Ipv4Address dst, byte[] datagram) {
        byte[] covered = new byte[12 + datagram.length];
        src.write(covered, 0);
        dst.write(covered, 4);
        covered[9] = 17;
        covered[10] = (byte) (datagram.length >>> 8);
        covered[11] = (byte) datagram.length;
        System.arraycopy(datagram, 0, covered, 12, datagram.length);
        return KnownFrames.referenceChecksum(covered, 0, covered.length);
    }

    @Test
    void theKnownDatagramsChecksumIsRightByFirstPrinciples() {
        assertThat(referenceUdpChecksum(UDP_SOURCE, UDP_DESTINATION, helloDatagram())).isZero();
    }

    @Test
    void aKnownDatagramDecodesWithItsPortsAndData() {
        byte[] d = helloDatagram();
        assertThat(UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, UDP_DESTINATION))
                .isEqualTo(Decoded.of(new UdpDatagram(33000, 53, Payload.ascii("hello"))));
        UdpHeaderView v = UdpHeaderView.wrap(d, 0, d.length);
        assertThat(v.sourcePort()).isEqualTo(33000);
        assertThat(v.destinationPort()).isEqualTo(53);
        assertThat(v.length()).isEqualTo(13);
        assertThat(v.checksum()).isEqualTo(0x26af);
        assertThat(v.dataOffset()).isEqualTo(8);
        assertThat(v.dataLength()).isEqualTo(5);
    }

    @Test
    void emitWritesTheKnownBytes() {
        assertThat(new UdpDatagram(33000, 53, Payload.ascii("hello")).toBytes(UDP_SOURCE, UDP_DESTINATION)).isEqualTo(helloDatagram());
    }

    @Test
    void emitThenDecodeRoundTripsAtAnOffset() {
        UdpDatagram d = new UdpDatagram(0, 65535, Payload.ascii("odd length!"));
        byte[] b = new byte[40];
        assertThat(d.emit(b, 5, OTHER, Ipv4Address.BROADCAST)).isEqualTo(19);
        assertThat(UdpDatagram.decode(b, 5, 19, OTHER, Ipv4Address.BROADCAST)).isEqualTo(Decoded.of(d));
        UdpDatagram empty = new UdpDatagram(7, 9, Payload.EMPTY);
        assertThat(UdpDatagram.decode(empty.toBytes(OTHER, OTHER), 0, 8, OTHER, OTHER)).isEqualTo(Decoded.of(empty));
    }

    @Test
    void theChecksumCoversThePseudoHeaderSoOtherAddressesAreABadChecksum() {
        byte[] d = helloDatagram();
        Malformed m = UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, OTHER).malformedOrNull();
        assertThat(m.badChecksum()).isTrue();
        assertThat(m.reason()).isEqualTo("bad checksum 0x26af (should be 0x26e1)"); // 0x35 - 0x03 less in the sum
    }

    @Test
    void aChecksumOfZeroMeansNoneAndIsNotVerified() {
        byte[] d = helloDatagram();
        d[6] = 0;
        d[7] = 0;
        d[8] = 'j'; // "jello": would fail any checksum
        assertThat(UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, OTHER))
                .isEqualTo(Decoded.of(new UdpDatagram(33000, 53, Payload.ascii("jello"))));
    }

    @Test
    void aComputedZeroChecksumIsSentAsAllOnes() {
        // With two data bytes equal to the checksum of the datagram with zero data, the one's-complement sum
        // becomes 0xffff and the computed checksum 0x0000, which RFC 768 says to transmit as 0xffff.
        int c = UdpHeaderView.wrap(new UdpDatagram(1, 2, Payload.of(new byte[2])).toBytes(UDP_SOURCE, UDP_DESTINATION), 0, 10).checksum();
        UdpDatagram zeroSum = new UdpDatagram(1, 2, Payload.of(new byte[] {(byte) (c >>> 8), (byte) c}));
        byte[] b = zeroSum.toBytes(UDP_SOURCE, UDP_DESTINATION);
        assertThat(UdpHeaderView.wrap(b, 0, b.length).checksum()).isEqualTo(0xffff);
        assertThat(referenceUdpChecksum(UDP_SOURCE, UDP_DESTINATION, b)).isZero();
        assertThat(UdpDatagram.decode(b, 0, b.length, UDP_SOURCE, UDP_DESTINATION)).isEqualTo(Decoded.of(zeroSum));
    }

    @Test
    void aLengthFieldInconsistentWithTheBytesIsMalformed() {
        byte[] d = helloDatagram();
        d[5] = 7;
        assertThat(UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, UDP_DESTINATION).malformedOrNull())
                .isEqualTo(new Malformed("UDP", "length 7 is below the 8-byte header"));
        d[5] = 20;
        assertThat(UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, UDP_DESTINATION).malformedOrNull())
                .isEqualTo(new Malformed("UDP", "length 20 exceeds the 13 bytes present"));
    }

    @Test
    void everyTruncationIsMalformedNamingWhatIsMissing() {
        byte[] d = helloDatagram();
        for (int len = 0; len < 13; len++) {
            Malformed expected = len < 8 ? new Malformed("UDP", "only " + len + " bytes, a header needs 8")
                    : new Malformed("UDP", "length 13 exceeds the " + len + " bytes present");
            assertThat(UdpDatagram.decode(d, 0, len, UDP_SOURCE, UDP_DESTINATION)).as("length %d", len).isEqualTo(Decoded.failure(expected));
        }
    }

    @Test
    void bytesAfterTheLengthFieldAreNotData() {
        byte[] d = Arrays.copyOf(helloDatagram(), 20);
        assertThat(UdpDatagram.decode(d, 0, d.length, UDP_SOURCE, UDP_DESTINATION).orThrow().data()).isEqualTo(Payload.ascii("hello"));
    }

    @Test
    void aRecordRejectsPortsOutsideSixteenBits() {
        assertThatThrownBy(() -> new UdpDatagram(65536, 53, Payload.EMPTY)).hasMessage("source port must be 0..65535, got 65536");
        assertThatThrownBy(() -> new UdpDatagram(53, -1, Payload.EMPTY)).hasMessage("destination port must be 0..65535, got -1");
    }
}
