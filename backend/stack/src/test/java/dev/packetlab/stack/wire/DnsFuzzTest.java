package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No byte string makes the DNS decoder throw, and whatever it accepts it writes back to the same value. */
class DnsFuzzTest {
    private static byte[] sample() {
        DnsName zone = DnsName.parse("example.lab");
        DnsName www = DnsName.parse("www.example.lab");
        return new DnsMessage(0x2a2a, DnsMessage.QR | DnsMessage.AA | DnsMessage.RD, List.of(new DnsQuestion(www, DnsType.A)),
                List.of(new DnsRecord(www, 300, new DnsRdata.Cname(DnsName.parse("web.example.lab"))),
                        new DnsRecord(DnsName.parse("web.example.lab"), 300, new DnsRdata.A(Ipv4Address.parse("10.0.1.80")))),
                List.of(new DnsRecord(zone, 3600, new DnsRdata.Ns(DnsName.parse("ns.example.lab"))),
                        new DnsRecord(zone, 3600, new DnsRdata.Soa(DnsName.parse("ns.example.lab"),
                                DnsName.parse("admin.example.lab"), 1, 2, 3, 4, 5))),
                List.of(new DnsRecord(DnsName.parse("ns.example.lab"), 3600, new DnsRdata.A(Ipv4Address.parse("10.0.2.53"))),
                        new DnsRecord(zone, 60, new DnsRdata.Txt(List.of("hello"))),
                        new DnsRecord(zone, 60, new DnsRdata.Mx(5, DnsName.parse("mail.example.lab")))))
                .toBytes();
    }

    private static void decodeAndRoundTrip(byte[] b, int off, int len) {
        Decoded<DnsMessage> d = DnsMessage.decode(b, off, len);
        if (d instanceof Decoded.Success<DnsMessage>(DnsMessage m)) {
            byte[] again = m.toBytes();
            assertThat(DnsMessage.decode(again, 0, again.length).orThrow()).isEqualTo(m);
        }
        DnsHeaderView.wrap(b, off, len).checkStructure();
    }

    @Test
    void randomBytesNeverMakeTheDecoderThrow() {
        Random random = new Random(53);
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            if (b.length > 12 && random.nextBoolean()) {
                b[4] = 0;
                b[5] = 1; // one question, so the walk gets past the header more often
            }
            int off = random.nextInt(b.length + 3) - 1;
            int len = random.nextInt(b.length + 10) - 2;
            assertThatCode(() -> {
                decodeAndRoundTrip(b, off, len);
                decodeAndRoundTrip(b, 0, b.length);
            }).as("trial %d", trial).doesNotThrowAnyException();
        }
    }

    @Test
    void flippedAndCutBytesOfARealMessageNeverMakeTheDecoderThrow() {
        byte[] good = sample();
        assertThat(DnsMessage.decode(good, 0, good.length).isSuccess()).isTrue();
        Random random = new Random(1035);
        int refused = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] b = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            int len = random.nextInt(4) == 0 ? random.nextInt(b.length) : b.length;
            assertThatCode(() -> decodeAndRoundTrip(b, 0, len)).as("trial %d", trial).doesNotThrowAnyException();
            if (!DnsMessage.decode(b, 0, len).isSuccess()) refused++;
        }
        assertThat(refused).as("damage is noticed, not always accepted").isGreaterThan(500);
    }

    @Test
    void theDissectorNeverThrowsOnDamagedDnsOverUdpOrTcp() {
        byte[] good = sample();
        Random random = new Random(4343);
        FrameBuilder b = FrameBuilder.ethernet(MacAddress.parse("02:00:00:00:00:02"), MacAddress.parse("02:00:00:00:00:01"))
                .ipv4(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.53"));
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] dns = java.util.Arrays.copyOf(good, random.nextInt(good.length + 1));
            for (int flips = random.nextInt(4); flips > 0 && dns.length > 0; flips--) {
                dns[random.nextInt(dns.length)] = (byte) random.nextInt(256);
            }
            byte[] framed = new byte[dns.length + 2];
            framed[0] = (byte) (dns.length >>> 8);
            framed[1] = (byte) dns.length;
            System.arraycopy(dns, 0, framed, 2, dns.length);
            byte[] udp = b.udp(new UdpDatagram(53, 40000, Payload.of(dns)));
            byte[] tcp = b.tcp(new TcpSegment(53, 40000, 1, 1, TcpHeaderView.FLAG_ACK, 1000, 0, TcpOptions.NONE, Payload.of(framed)));
            assertThatCode(() -> {
                Dissector.dissect(udp);
                Dissector.dissect(tcp);
            }).as("trial %d", trial).doesNotThrowAnyException();
        }
    }
}
