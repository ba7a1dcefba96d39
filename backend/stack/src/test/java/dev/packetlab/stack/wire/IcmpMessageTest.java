package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.referenceChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.wire.IcmpMessage.DestinationUnreachable;
import dev.packetlab.stack.wire.IcmpMessage.EchoReply;
import dev.packetlab.stack.wire.IcmpMessage.EchoRequest;
import dev.packetlab.stack.wire.IcmpMessage.Other;
import dev.packetlab.stack.wire.IcmpMessage.TimeExceeded;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcmpMessageTest {
    private static final Payload DATA = Payload.ascii(KnownFrames.PING_DATA);

    /** The ICMP part (bytes 34..74) of a known frame. */
    private static byte[] icmpOf(byte[] frame) { return Arrays.copyOfRange(frame, 34, frame.length); }

    /** A UDP probe to port 33434 with 12 bytes of data, as the datagram an error quotes. */
    private static byte[] probe() {
        return FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(KnownFrames.PC_IP, Ipv4Address.parse("10.9.9.9"))
                .ttl(1).identification(0x4242).udp(new UdpDatagram(40000, 33434, Payload.ascii("traceroute!!")));
    }

    @Test
    void theKnownEchoChecksumsAreRightByFirstPrinciples() {
        assertThat(referenceChecksum(KnownFrames.echoRequest(), 34, 40)).isZero();
        assertThat(referenceChecksum(KnownFrames.echoReply(), 34, 40)).isZero();
    }

    @Test
    void aRealEchoRequestDecodes() {
        byte[] icmp = icmpOf(KnownFrames.echoRequest());
        assertThat(IcmpMessage.decode(icmp, 0, icmp.length)).isEqualTo(Decoded.of(new EchoRequest(1, 1, DATA)));
        IcmpView v = IcmpView.wrap(icmp, 0, icmp.length);
        assertThat(v.check()).isNull();
        assertThat(v.type()).isEqualTo(8);
        assertThat(v.code()).isZero();
        assertThat(v.checksum()).isEqualTo(0x4d5a);
        assertThat(v.identifier()).isEqualTo(1);
        assertThat(v.sequence()).isEqualTo(1);
        assertThat(v.restOfHeader()).isEqualTo(0x0001_0001);
        assertThat(v.dataOffset()).isEqualTo(8);
        assertThat(v.dataLength()).isEqualTo(32);
    }

    @Test
    void aRealEchoReplyDecodesAndIsWhatTheRequestsReplyEmits() {
        byte[] icmp = icmpOf(KnownFrames.echoReply());
        assertThat(IcmpMessage.decode(icmp, 0, icmp.length)).isEqualTo(Decoded.of(new EchoReply(1, 1, DATA)));
        assertThat(new EchoRequest(1, 1, DATA).reply().toBytes()).isEqualTo(icmp);
        assertThat(new EchoRequest(1, 1, DATA).toBytes()).isEqualTo(icmpOf(KnownFrames.echoRequest()));
    }

    @Test
    void echoRoundTripsWithExtremeIdentifiersAndNoData() {
        for (IcmpMessage m : new IcmpMessage[] {new EchoRequest(0xffff, 0, Payload.EMPTY), new EchoReply(0, 0xffff, Payload.ascii("x"))}) {
            byte[] b = m.toBytes();
            assertThat(referenceChecksum(b, 0, b.length)).isZero();
            assertThat(IcmpMessage.decode(b, 0, b.length)).isEqualTo(Decoded.of(m));
        }
    }

    @Test
    void aCorruptedEchoIsABadChecksumNamingBothValues() {
        byte[] icmp = icmpOf(KnownFrames.echoRequest());
        icmp[8] = 'X'; // 0x6162 → 0x5862: the sum drops by 0x0900, so the right checksum rises by 0x0900
        Malformed m = IcmpMessage.decode(icmp, 0, icmp.length).malformedOrNull();
        assertThat(m).isEqualTo(new Malformed("ICMP", "bad checksum 0x4d5a (should be 0x565a)", true));
    }

    @Test
    void aMessageShorterThanItsHeaderIsMalformed() {
        byte[] icmp = icmpOf(KnownFrames.echoRequest());
        for (int len = 0; len < 8; len++) {
            assertThat(IcmpMessage.decode(icmp, 0, len)).isEqualTo(Decoded.failure(new Malformed("ICMP", "only " + len + " bytes, a header needs 8")));
        }
    }

    @Test
    void anEchoWithANonZeroCodeIsMalformed() {
        byte[] icmp = icmpOf(KnownFrames.echoRequest());
        IcmpView v = IcmpView.wrap(icmp, 0, icmp.length);
        v.setCode(1);
        v.updateChecksum();
        assertThat(IcmpMessage.decode(icmp, 0, icmp.length).malformedOrNull()).isEqualTo(new Malformed("ICMP", "echo with code 1, expected 0"));
    }

    @Test
    void anErrorQuotesTheIpHeaderAndTheFirstEightBytesOfItsPayload() {
        byte[] frame = probe(); // 20 + 8 + 12 bytes of IPv4
        DestinationUnreachable m = IcmpMessage.destinationUnreachable(IcmpMessage.PORT_UNREACHABLE, frame, 14, frame.length - 14);
        assertThat(m.original()).isEqualTo(Payload.copyOf(frame, 14, 28));
        assertThat(m.length()).isEqualTo(36);
        byte[] b = m.toBytes();
        assertThat(b).hasSize(36);
        assertThat(Arrays.copyOfRange(b, 0, 2)).containsExactly(3, 3);
        assertThat(Arrays.copyOfRange(b, 4, 8)).containsOnly(0);
        assertThat(Arrays.copyOfRange(b, 8, 36)).isEqualTo(Arrays.copyOfRange(frame, 14, 42));
        assertThat(referenceChecksum(b, 0, b.length)).isZero();
    }

    @Test
    void aQuoteIsCutAtTheTotalLengthAndCoversOptions() {
        byte[] tiny = FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(KnownFrames.PC_IP, KnownFrames.ROUTER_IP)
                .ipv4(253, new byte[] {1, 2, 3, 4}, 0, 4); // 24 bytes of IPv4 in a 60-byte frame
        assertThat(IcmpMessage.timeExceeded(0, tiny, 14, tiny.length - 14).original()).isEqualTo(Payload.copyOf(tiny, 14, 24));
        byte[] withOption = new byte[24 + 16];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(withOption, 0, withOption.length);
        ip.writeHeader(40, 1, false, 1, 17, KnownFrames.PC_IP, KnownFrames.ROUTER_IP);
        ip.setVersionAndHeaderLength(24);
        ip.updateChecksum();
        assertThat(IcmpMessage.timeExceeded(0, withOption, 0, 40).original().length()).isEqualTo(32);
        assertThat(IcmpMessage.quote(new byte[5], 0, 5)).isEqualTo(Payload.of(new byte[5]));
        assertThat(IcmpMessage.quote(new byte[5], 0, 0)).isEqualTo(Payload.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(ints = {IcmpMessage.NET_UNREACHABLE, IcmpMessage.HOST_UNREACHABLE, IcmpMessage.PROTOCOL_UNREACHABLE,
            IcmpMessage.PORT_UNREACHABLE, IcmpMessage.ADMINISTRATIVELY_PROHIBITED})
    void everyDestinationUnreachableCodeRoundTrips(int code) {
        byte[] frame = probe();
        DestinationUnreachable m = IcmpMessage.destinationUnreachable(code, frame, 14, frame.length - 14);
        byte[] b = m.toBytes();
        assertThat(b[0]).isEqualTo((byte) 3);
        assertThat(b[1]).isEqualTo((byte) code);
        assertThat(Arrays.copyOfRange(b, 4, 8)).containsOnly(0);
        assertThat(IcmpMessage.decode(b, 0, b.length)).isEqualTo(Decoded.of(new DestinationUnreachable(code, 0, Payload.copyOf(frame, 14, 28))));
    }

    @Test
    void fragmentationNeededCarriesTheNextHopMtuInBytesSixAndSeven() {
        byte[] frame = probe();
        DestinationUnreachable m = IcmpMessage.fragmentationNeeded(1400, frame, 14, frame.length - 14);
        byte[] b = m.toBytes();
        assertThat(Arrays.copyOfRange(b, 4, 8)).containsExactly(0, 0, 0x05, 0x78); // RFC 1191 4: unused, then MTU
        assertThat(IcmpView.wrap(b, 0, b.length).nextHopMtu()).isEqualTo(1400);
        DestinationUnreachable decoded = (DestinationUnreachable) IcmpMessage.decode(b, 0, b.length).orThrow();
        assertThat(decoded.code()).isEqualTo(IcmpMessage.FRAGMENTATION_NEEDED);
        assertThat(decoded.nextHopMtu()).isEqualTo(1400);
        assertThat(decoded).isEqualTo(m);
    }

    @Test
    void fragmentationNeededWrittenThroughTheViewChecksOut() {
        byte[] m = new byte[36];
        IcmpView icmp = IcmpView.wrap(m, 0, m.length);
        icmp.setType(3);
        icmp.setCode(4);
        icmp.setNextHopMtu(576);
        icmp.updateChecksum();
        assertThat(m[6]).isEqualTo((byte) 0x02);
        assertThat(m[7]).isEqualTo((byte) 0x40);
        assertThat(icmp.check()).isNull();
    }

    @Test
    void onlyFragmentationNeededMayCarryAnMtu() {
        assertThatThrownBy(() -> new DestinationUnreachable(IcmpMessage.PORT_UNREACHABLE, 1500, Payload.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("only code 4 (fragmentation needed) carries a next-hop MTU");
    }

    @ParameterizedTest
    @ValueSource(ints = {IcmpMessage.TTL_EXCEEDED_IN_TRANSIT, IcmpMessage.FRAGMENT_REASSEMBLY_TIME_EXCEEDED})
    void timeExceededRoundTripsWithItsCode(int code) {
        byte[] frame = probe();
        TimeExceeded m = IcmpMessage.timeExceeded(code, frame, 14, frame.length - 14);
        byte[] b = m.toBytes();
        assertThat(b[0]).isEqualTo((byte) 11);
        assertThat(b[1]).isEqualTo((byte) code);
        assertThat(IcmpMessage.decode(b, 0, b.length)).isEqualTo(Decoded.of(m));
    }

    @Test
    void anErrorQuotingLessThanAnIpHeaderIsMalformed() {
        byte[] b = new TimeExceeded(0, Payload.of(new byte[12])).toBytes();
        assertThat(IcmpMessage.decode(b, 0, b.length).malformedOrNull())
                .isEqualTo(new Malformed("ICMP", "quoted datagram of 12 bytes is shorter than an IPv4 header (20)"));
    }

    @Test
    void otherTypesAreKeptWhole() {
        Other timestamp = new Other(13, 0, 0x0007_0001, Payload.of(new byte[12])); // RFC 792 timestamp request
        byte[] b = timestamp.toBytes();
        assertThat(IcmpMessage.decode(b, 0, b.length)).isEqualTo(Decoded.of(timestamp));
        assertThatThrownBy(() -> new Other(8, 0, 0, Payload.EMPTY)).hasMessage("type 8 has its own record");
    }

    @Test
    void aDecoderSwitchIsExhaustive() {
        byte[] icmp = icmpOf(KnownFrames.echoRequest());
        String kind = switch (IcmpMessage.decode(icmp, 0, icmp.length).orThrow()) {
            case EchoRequest e -> "echo request seq " + e.sequence();
            case EchoReply e -> "echo reply";
            case DestinationUnreachable u -> "unreachable";
            case TimeExceeded t -> "time exceeded";
            case Other o -> "type " + o.type();
        };
        assertThat(kind).isEqualTo("echo request seq 1");
    }
}
