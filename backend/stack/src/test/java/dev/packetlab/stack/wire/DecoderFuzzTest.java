package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No exception ever escapes a decoder or a checked view, whatever the bytes and whatever the range. */
class DecoderFuzzTest {
    private static final List<byte[]> KNOWN = List.of(KnownFrames.arpRequest(), KnownFrames.echoRequest(),
            KnownFrames.echoReply(), KnownFrames.udpHello());

    /** Every decoder over one range; after a successful check, every getter of the view too. Returns failures. */
    private static int decodeEverything(byte[] b, int off, int len) {
        int failures = 0;
        Ipv4Address a = Ipv4Address.parse("10.0.0.1");
        failures += EthernetFrame.decode(b, off, len).isSuccess() ? 0 : 1;
        failures += ArpPacket.decode(b, off, len).isSuccess() ? 0 : 1;
        failures += Ipv4Packet.decode(b, off, len).isSuccess() ? 0 : 1;
        failures += IcmpMessage.decode(b, off, len).isSuccess() ? 0 : 1;
        failures += UdpDatagram.decode(b, off, len, a, a).isSuccess() ? 0 : 1;
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(b, off, len);
        if (ip.checkStructure() == null) {
            readAll(ip);
            ip.expectedChecksum();
            IcmpMessage.quote(b, off, len);
        }
        UdpHeaderView udp = UdpHeaderView.wrap(b, off, len);
        if (udp.checkStructure() == null) {
            udp.expectedChecksum(a, a);
            udp.sourcePort();
        }
        IcmpView icmp = IcmpView.wrap(b, off, len);
        if (icmp.length() >= IcmpView.HEADER_LENGTH) {
            icmp.check();
            icmp.restOfHeader();
        }
        return failures;
    }

    private static void readAll(Ipv4HeaderView ip) {
        ip.version();
        ip.dscp();
        ip.totalLength();
        ip.fragmentOffset();
        ip.source();
        ip.destination();
        ip.payloadOffset();
    }

    /** Ethernet → ARP or IPv4 → ICMP or UDP, as a receiving host walks a frame. */
    private static void decodeLayered(byte[] frame) {
        Decoded<EthernetFrame> eth = EthernetFrame.decode(frame, 0, frame.length);
        if (!(eth instanceof Decoded.Success<EthernetFrame>(EthernetFrame e))) return;
        int at = EthernetView.HEADER_LENGTH;
        if (e.etherType() == EthernetFrame.TYPE_ARP) {
            ArpPacket.decode(frame, at, frame.length - at);
            return;
        }
        if (!(Ipv4Packet.decode(frame, at, frame.length - at) instanceof Decoded.Success<Ipv4Packet>(Ipv4Packet p))) return;
        Ipv4HeaderView v = Ipv4HeaderView.wrap(frame, at, frame.length - at);
        if (p.protocol() == 1) IcmpMessage.decode(frame, v.payloadOffset(), v.payloadLength());
        if (p.protocol() == 17) UdpDatagram.decode(frame, v.payloadOffset(), v.payloadLength(), p.source(), p.destination());
    }

    @Test
    void seededRandomBytesNeverMakeADecoderThrow() {
        Random random = new Random(20240601);
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] b = new byte[random.nextInt(120)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) b[0] = 0x45; // get past the version check now and then
            int off = random.nextInt(b.length + 3) - 1;
            int len = random.nextInt(b.length + 10) - 2;
            assertThatCode(() -> {
                decodeEverything(b, off, len);
                decodeEverything(b, 0, b.length);
                decodeLayered(b);
            }).as("trial %d: %d bytes, off %d, len %d", trial, b.length, off, len).doesNotThrowAnyException();
        }
    }

    @Test
    void randomlyDamagedRealFramesNeverMakeADecoderThrow() {
        Random random = new Random(791);
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] frame = KNOWN.get(trial % KNOWN.size()).clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
            }
            // Repair the IPv4 checksum half the time, so that the damage reaches the header fields and the layer above.
            if (random.nextBoolean() && (frame[0x0e] & 0xf0) == 0x40 && (frame[0x0e] & 0x0f) >= 5) {
                Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, 14, frame.length - 14);
                if (ip.headerLength() <= ip.length()) ip.updateChecksum();
            }
            byte[] damaged = frame;
            int cut = random.nextInt(damaged.length + 1);
            assertThatCode(() -> {
                decodeLayered(damaged);
                decodeLayered(java.util.Arrays.copyOf(damaged, cut));
                decodeEverything(damaged, 14, damaged.length - 14);
                decodeEverything(damaged, 34, damaged.length - 34);
            }).as("trial %d", trial).doesNotThrowAnyException();
        }
    }

    @Test
    void everyTruncationOfEveryKnownFrameFailsAtTheLayerItCuts() {
        for (byte[] frame : KNOWN) {
            for (int len = 0; len < frame.length; len++) {
                int n = len;
                assertThatCode(() -> decodeEverything(frame, 0, n)).doesNotThrowAnyException();
            }
        }
        byte[] request = KnownFrames.echoRequest();
        for (int len = 0; len < 40; len++) {
            assertThat(IcmpMessage.decode(request, 34, len).isSuccess()).as("ICMP cut to %d bytes", len).isFalse();
            assertThat(Ipv4Packet.decode(request, 14, 20 + len).isSuccess()).as("IPv4 cut to %d bytes", 20 + len).isFalse();
        }
        byte[] udp = KnownFrames.udpHello();
        for (int len = 0; len < 13; len++) {
            assertThat(UdpDatagram.decode(udp, 34, len, KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION).isSuccess()).isFalse();
        }
        byte[] arp = KnownFrames.arpRequest();
        for (int len = 0; len < 28; len++) assertThat(ArpPacket.decode(arp, 14, len).isSuccess()).isFalse();
        for (int len = 0; len < 14; len++) assertThat(EthernetFrame.decode(arp, 0, len).isSuccess()).isFalse();
    }

    @Test
    void allZeroAndAllOnesBuffersAreMalformedWithReasons() {
        for (byte fill : new byte[] {0, (byte) 0xff}) {
            byte[] b = new byte[64];
            java.util.Arrays.fill(b, fill);
            // Only Ethernet (any 14 bytes are a header) succeeds on zeros; on ones ICMP does too: 32 words of 0xffff
            // sum to one's-complement −0, a valid checksum, and type 255 is kept as an Other.
            assertThat(decodeEverything(b, 0, b.length)).isEqualTo(fill == 0 ? 4 : 3);
        }
        assertThat(Ipv4Packet.decode(new byte[64], 0, 64).malformedOrNull()).isEqualTo(new Malformed("IPv4", "version 0, expected 4"));
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertThat(Ipv4Packet.decode(ones, 0, 64).malformedOrNull()).isEqualTo(new Malformed("IPv4", "version 15, expected 4"));
        assertThat(ArpPacket.decode(ones, 0, 64).malformedOrNull()).isEqualTo(new Malformed("ARP", "hardware type 65535 is not Ethernet (1)"));
    }
}
