package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 1035 4.1: the DNS message format, byte for byte, with name compression both ways. */
class DnsMessageTest {
    private static final DnsName WWW = DnsName.parse("www.example.lab");
    private static final DnsQuestion WWW_A = new DnsQuestion(WWW, DnsType.A);

    /** Hex with spaces and comments allowed, for hand-written messages. */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("#[^\n]*", "").replaceAll("\\s", ""));
    }

    private static final String QUERY = """
            1234 0100 0001 0000 0000 0000                  # id, RD, one question
            03 777777 07 6578616d706c65 03 6c6162 00        # www.example.lab.
            0001 0001                                      # A IN
            """;

    @Test
    void aQueryIsWrittenAsRfc1035LaysItOut() {
        assertThat(DnsMessage.query(0x1234, WWW_A, true).toBytes()).isEqualTo(hex(QUERY));
    }

    @Test
    void aQueryDecodesToItsIdFlagsAndQuestion() {
        byte[] b = hex(QUERY);
        DnsMessage m = DnsMessage.decode(b, 0, b.length).orThrow();
        assertThat(m.id()).isEqualTo(0x1234);
        assertThat(m.isResponse()).isFalse();
        assertThat(m.recursionDesired()).isTrue();
        assertThat(m.questions()).containsExactly(WWW_A);
        assertThat(m.answers()).isEmpty();
    }

    @Test
    void anAnswersOwnerIsAPointerToTheQuestionsName() {
        DnsMessage response = DnsMessage.responseTo(DnsMessage.query(0x1234, WWW_A, true))
                .flag(DnsMessage.AA, true).flag(DnsMessage.RA, true)
                .answer(new DnsRecord(WWW, 300, new DnsRdata.A(Ipv4Address.parse("10.0.1.80")))).build();
        assertThat(response.toBytes()).isEqualTo(hex("""
                1234 8580 0001 0001 0000 0000                  # QR AA RD RA, one question, one answer
                03 777777 07 6578616d706c65 03 6c6162 00 0001 0001
                c00c 0001 0001 0000012c 0004 0a000150          # -> offset 12, A IN 300, 10.0.1.80
                """));
    }

    @Test
    void aNameInRecordDataPointsToTheLongestSuffixAlreadyWritten() {
        DnsMessage m = new DnsMessage(1, DnsMessage.QR, List.of(WWW_A), List.of(
                new DnsRecord(WWW, 60, new DnsRdata.Cname(DnsName.parse("web.example.lab")))), List.of(), List.of());
        assertThat(m.toBytes()).isEqualTo(hex("""
                0001 8000 0001 0001 0000 0000
                03 777777 07 6578616d706c65 03 6c6162 00 0001 0001
                c00c 0005 0001 0000003c 0006 03 776562 c010   # web + pointer to example.lab. at offset 16
                """));
    }

    @Test
    void aPointerIsFollowedWhenReading() {
        byte[] b = hex("""
                0001 8000 0001 0001 0000 0000
                03 777777 07 6578616d706c65 03 6c6162 00 0001 0001
                c00c 0005 0001 0000003c 0006 03 776562 c010
                """);
        DnsRecord r = DnsMessage.decode(b, 0, b.length).orThrow().answers().get(0);
        assertThat(r.name()).isEqualTo(WWW);
        assertThat(r.data()).isEqualTo(new DnsRdata.Cname(DnsName.parse("web.example.lab")));
        assertThat(r.ttl()).isEqualTo(60);
    }

    @Test
    void compressionKeepsTheCaseOfEachName() {
        DnsName upper = DnsName.parse("WWW.EXAMPLE.LAB");
        DnsMessage m = new DnsMessage(1, DnsMessage.QR, List.of(WWW_A), List.of(
                new DnsRecord(upper, 60, new DnsRdata.A(Ipv4Address.parse("10.0.0.1")))), List.of(), List.of());
        byte[] b = m.toBytes();
        DnsRecord r = DnsMessage.decode(b, 0, b.length).orThrow().answers().get(0);
        assertThat(r.name().toString()).isEqualTo("WWW.EXAMPLE.LAB.");
        assertThat(b.length).isEqualTo(33 + 17 + 10 + 4);
    }

    @Test
    void everyRecordTypeRoundTripsThroughTheWire() {
        DnsName zone = DnsName.parse("example.lab");
        List<DnsRecord> records = List.of(
                new DnsRecord(WWW, 300, new DnsRdata.A(Ipv4Address.parse("10.0.1.80"))),
                new DnsRecord(WWW, 300, DnsRdata.Aaaa.parse("2001:db8::80")),
                new DnsRecord(zone, 3600, new DnsRdata.Ns(DnsName.parse("ns1.example.lab"))),
                new DnsRecord(zone, 3600, new DnsRdata.Mx(10, DnsName.parse("mail.example.lab"))),
                new DnsRecord(zone, 60, new DnsRdata.Txt(List.of("v=spf1 -all", "say \"hi\""))),
                new DnsRecord(DnsName.parse("80.1.0.10.in-addr.arpa"), 300, new DnsRdata.Ptr(WWW)),
                new DnsRecord(zone, 3600, new DnsRdata.Soa(DnsName.parse("ns1.example.lab"),
                        DnsName.parse("hostmaster.example.lab"), 2024010101L, 3600, 900, 604800, 300)),
                new DnsRecord(zone, DnsType.CLASS_IN, 0xffff_ffffL, new DnsRdata.Unknown(99, Payload.ascii("spf!"))));
        DnsMessage m = new DnsMessage(0xbeef, DnsMessage.QR | DnsMessage.AA, List.of(WWW_A), records.subList(0, 5),
                records.subList(5, 7), records.subList(7, 8));
        byte[] b = m.toBytes();
        assertThat(DnsMessage.decode(b, 0, b.length).orThrow()).isEqualTo(m);
    }

    @Test
    void soaNamesAreCompressedAgainstEarlierNames() {
        DnsName zone = DnsName.parse("example.lab");
        DnsMessage m = new DnsMessage(7, DnsMessage.QR | DnsMessage.NXDOMAIN, List.of(WWW_A), List.of(), List.of(
                new DnsRecord(zone, 300, new DnsRdata.Soa(DnsName.parse("ns.example.lab"),
                        DnsName.parse("admin.example.lab"), 1, 2, 3, 4, 5))), List.of());
        assertThat(m.toBytes()).isEqualTo(hex("""
                0007 8003 0001 0000 0001 0000
                03 777777 07 6578616d706c65 03 6c6162 00 0001 0001
                c010 0006 0001 0000012c 0021                  # example.lab. at 16, SOA, 33 bytes of data
                02 6e73 c010  05 61646d696e c010              # ns + ptr, admin + ptr
                00000001 00000002 00000003 00000004 00000005
                """));
    }

    @Test
    void anAnswerOver512BytesKeepsTheRecordsThatFitAndSetsTc() {
        DnsMessage.Builder b = DnsMessage.responseTo(DnsMessage.query(9, WWW_A, true));
        for (int i = 0; i < 40; i++) b.answer(new DnsRecord(WWW, 60, new DnsRdata.A(Ipv4Address.of(10, 0, 0, i))));
        byte[] udp = b.build().toBytes(DnsHeaderView.MAX_UDP_LENGTH);
        // 33 bytes of header and question, then 16 bytes per compressed A record: 29 fit in 512
        assertThat(udp).hasSize(33 + 29 * 16);
        DnsMessage cut = DnsMessage.decode(udp, 0, udp.length).orThrow();
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.answers()).hasSize(29);
        assertThat(b.build().toBytes()).hasSize(33 + 40 * 16);
    }

    @Test
    void additionalRecordsThatDoNotFitAreDroppedWithoutTc() {
        DnsMessage.Builder b = DnsMessage.responseTo(DnsMessage.query(9, WWW_A, true))
                .answer(new DnsRecord(WWW, 60, new DnsRdata.A(Ipv4Address.parse("10.0.0.1"))));
        for (int i = 0; i < 40; i++) {
            b.additional(new DnsRecord(DnsName.parse("ns" + i + ".example.lab"), 60,
                    new DnsRdata.A(Ipv4Address.of(10, 0, 1, i))));
        }
        byte[] udp = b.build().toBytes(512);
        DnsMessage cut = DnsMessage.decode(udp, 0, udp.length).orThrow();
        assertThat(cut.truncated()).isFalse();
        assertThat(cut.answers()).hasSize(1);
        assertThat(cut.additionals()).hasSizeLessThan(40).isNotEmpty();
        assertThat(udp.length).isLessThanOrEqualTo(512);
    }

    @Test
    void theHeaderFlagsReadAsDigNamesThem() {
        DnsMessage m = new DnsMessage(1, 0x8580 | DnsMessage.NXDOMAIN, List.of(), List.of(), List.of(), List.of());
        assertThat(m.flagNames()).isEqualTo("qr aa rd ra");
        assertThat(m.opcode()).isZero();
        assertThat(DnsMessage.rcodeName(m.rcode())).isEqualTo("NXDOMAIN");
        assertThat(m.authoritative()).isTrue();
        assertThat(m.recursionAvailable()).isTrue();
    }

    @Test
    void aResponseCopiesIdOpcodeRdAndQuestionAndSetsQr() {
        DnsMessage q = new DnsMessage(0x4321, DnsMessage.RD | 0x1000 /* opcode 2 */, List.of(WWW_A), List.of(),
                List.of(), List.of());
        DnsMessage r = DnsMessage.responseTo(q).build();
        assertThat(r.id()).isEqualTo(0x4321);
        assertThat(r.flags()).isEqualTo(DnsMessage.QR | DnsMessage.RD | 0x1000);
        assertThat(r.questions()).containsExactly(WWW_A);
    }
}
