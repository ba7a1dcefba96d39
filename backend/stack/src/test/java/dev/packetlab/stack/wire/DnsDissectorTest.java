package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS in the packet list and inspector: Wireshark's Info column and field names, each field at its bytes. */
class DnsDissectorTest {
    private static final Ipv4Address PC = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address NS = Ipv4Address.parse("10.0.0.53");
    private static final MacAddress PC_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress NS_MAC = MacAddress.parse("02:00:00:00:00:02");
    private static final DnsName WWW = DnsName.parse("www.example.lab");
    private static final DnsMessage QUERY = DnsMessage.query(0x1a2b, new DnsQuestion(WWW, DnsType.A), true);

    private static byte[] toServer(byte[] dns) {
        return FrameBuilder.ethernet(NS_MAC, PC_MAC).ipv4(PC, NS).udp(new UdpDatagram(40000, 53, Payload.of(dns)));
    }

    private static byte[] toClient(byte[] dns) {
        return FrameBuilder.ethernet(PC_MAC, NS_MAC).ipv4(NS, PC).udp(new UdpDatagram(53, 40000, Payload.of(dns)));
    }

    private static Dissection.Field field(Dissection d, String key) {
        return d.layers().getLast().fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aQueryReadsAsWiresharkShowsIt() {
        Dissection d = Dissector.dissect(toServer(QUERY.toBytes()));

        assertThat(d.protocol()).isEqualTo("DNS");
        assertThat(d.summary()).isEqualTo("Standard query 0x1a2b A www.example.lab");
        assertThat(d.layers()).extracting(Dissection.Layer::name).containsExactly("Ethernet II", "Internet Protocol Version 4",
                "User Datagram Protocol", "Domain Name System (query)");
        assertThat(d.problem()).isNull();
    }

    @Test
    void eachHeaderFieldSitsAtItsBytesAndFlagsShareTheirWordByMask() {
        Dissection d = Dissector.dissect(toServer(QUERY.toBytes()));
        int dns = 14 + 20 + 8;

        assertThat(field(d, "dns.id")).extracting(Dissection.Field::value, Dissection.Field::offset, Dissection.Field::length)
                .containsExactly("0x1a2b", dns, 2);
        assertThat(field(d, "dns.flags.recdesired")).extracting(Dissection.Field::value, Dissection.Field::offset,
                Dissection.Field::bitMask).containsExactly("Do query recursively", dns + 2, 0x0100);
        assertThat(field(d, "dns.qry.name")).extracting(Dissection.Field::value, Dissection.Field::offset, Dissection.Field::length)
                .containsExactly("www.example.lab", dns + 12, 17);
        assertThat(field(d, "dns.qry.type")).extracting(Dissection.Field::value, Dissection.Field::offset)
                .containsExactly("A (1)", dns + 29);
    }

    @Test
    void aResponseListsItsRecordsAndEachRecordsFieldsFollowACompressedName() {
        DnsMessage response = DnsMessage.responseTo(QUERY).flag(DnsMessage.RA, true)
                .answer(new DnsRecord(WWW, 300, new DnsRdata.A(Ipv4Address.parse("10.0.1.80")))).build();
        Dissection d = Dissector.dissect(toClient(response.toBytes()));
        int answer = 14 + 20 + 8 + 33;

        assertThat(d.summary()).isEqualTo("Standard query response 0x1a2b A www.example.lab A 10.0.1.80");
        assertThat(field(d, "dns.resp.name")).extracting(Dissection.Field::value, Dissection.Field::offset, Dissection.Field::length)
                .containsExactly("www.example.lab", answer, 2);
        assertThat(field(d, "dns.resp.ttl")).extracting(Dissection.Field::value, Dissection.Field::offset)
                .containsExactly("300", answer + 6);
        assertThat(field(d, "dns.a")).extracting(Dissection.Field::value, Dissection.Field::offset, Dissection.Field::length)
                .containsExactly("10.0.1.80", answer + 12, 4);
        assertThat(field(d, "dns.flags.rcode").value()).isEqualTo("No error (0)");
    }

    @Test
    void anNxdomainNamesTheRcodeAndTheSoaInTheInfoColumn() {
        DnsMessage response = DnsMessage.responseTo(QUERY).flag(DnsMessage.AA, true).rcode(DnsMessage.NXDOMAIN)
                .authority(new DnsRecord(DnsName.parse("example.lab"), 300, new DnsRdata.Soa(DnsName.parse("ns.example.lab"),
                        DnsName.parse("hostmaster.example.lab"), 1, 3600, 900, 604800, 300))).build();
        Dissection d = Dissector.dissect(toClient(response.toBytes()));

        assertThat(d.summary()).isEqualTo("Standard query response 0x1a2b No such name A www.example.lab SOA ns.example.lab");
        assertThat(field(d, "dns.soa.minimum_ttl").value()).isEqualTo("300");
        assertThat(field(d, "dns.flags.authoritative").value()).isEqualTo("Server is an authority for domain");
    }

    @Test
    void aMessageOverTcpIsReadAfterItsLength() {
        byte[] dns = QUERY.toBytes();
        byte[] framed = new byte[dns.length + 2];
        framed[1] = (byte) dns.length;
        System.arraycopy(dns, 0, framed, 2, dns.length);
        byte[] frame = FrameBuilder.ethernet(NS_MAC, PC_MAC).ipv4(PC, NS).tcp(new TcpSegment(40000, 53, 1, 1,
                TcpHeaderView.FLAG_PSH | TcpHeaderView.FLAG_ACK, 64240, 0, TcpOptions.NONE, Payload.of(framed)));

        Dissection d = Dissector.dissect(frame);

        assertThat(d.summary()).isEqualTo("Standard query 0x1a2b A www.example.lab");
        assertThat(field(d, "dns.length")).extracting(Dissection.Field::value, Dissection.Field::offset)
                .containsExactly("33", 14 + 20 + 20);
    }

    @Test
    void aDamagedMessageKeepsTheLayersBelowAndSaysWhy() {
        byte[] dns = {0x1a, 0x2b, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12};
        Dissection d = Dissector.dissect(toServer(dns));

        assertThat(d.protocol()).isEqualTo("DNS");
        assertThat(d.problem().reason()).isEqualTo("compression pointer at offset 12 points to itself (a loop)");
        assertThat(d.layers()).extracting(Dissection.Layer::name).containsExactly("Ethernet II", "Internet Protocol Version 4",
                "User Datagram Protocol");
    }

    @Test
    void theRootIsShownAsWiresharkShowsIt() {
        DnsMessage priming = DnsMessage.query(1, new DnsQuestion(DnsName.ROOT, DnsType.NS), true);
        assertThat(Dissector.dissect(toServer(priming.toBytes())).summary()).isEqualTo("Standard query 0x0001 NS <Root>");
        assertThat(List.of(DnsDissector.show(WWW))).containsExactly("www.example.lab");
    }
}
