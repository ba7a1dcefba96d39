package dev.packetlab.stack.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authoritative server: answers with AA, negative answers with the SOA, referrals with glue, and refusals. */
class NameServerTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host ns = t.host("ns", "10.0.0.53/24");
    private final List<DnsMessage> responses = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    NameServerTest() {
        t.connect(pc1, ns);
    }

    static Map<String, Object> rr(String name, String type, Object value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("type", type);
        r.put("value", value);
        return r;
    }

    private void serveExampleLab(boolean recursive) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ttl", 3600);
        p.put("zones", Map.of("example.lab", List.of(
                rr("@", "NS", "ns"), rr("ns", "A", "10.0.0.53"),
                Map.of("name", "www", "type", "A", "value", "10.0.1.80", "ttl", 300),
                rr("web", "CNAME", "www"),
                rr("@", "MX", "10 mail"), rr("mail", "A", "10.0.1.25"),
                rr("sub", "NS", "ns.sub"), rr("ns.sub", "A", "10.0.0.60"),
                rr("txt", "TXT", List.of("hello", "world")))));
        if (recursive) {
            p.put("recursive", true);
            p.put("root", List.of("10.0.0.99"));
        }
        new DnsService().start(ns, p);
    }

    private DnsMessage ask(String name, int type, boolean rd) {
        DnsMessage query = DnsMessage.query(0x1000 + responses.size(), new DnsQuestion(DnsName.parse(name), type), rd);
        DnsClient.udp(pc1, DnsClient.server(Ipv4Address.parse("10.0.0.53")), query, SimTime.seconds(2), handler());
        t.sim.runUntil(t.sim.now() + SimTime.seconds(3));
        assertThat(failures).isEmpty();
        return responses.get(responses.size() - 1);
    }

    private DnsClient.Handler handler() {
        return new DnsClient.Handler() {
            @Override
            public void answered(DnsMessage response, int size) { responses.add(response); }

            @Override
            public void failed(String reason) { failures.add(reason); }
        };
    }

    private static List<String> texts(List<DnsRecord> records) {
        return records.stream().map(DnsRecord::toString).toList();
    }

    @Test
    void aNameInTheZoneIsAnsweredAuthoritatively() {
        serveExampleLab(false);

        DnsMessage r = ask("www.example.lab", DnsType.A, false);

        assertThat(r.flagNames()).isEqualTo("qr aa");
        assertThat(r.rcode()).isEqualTo(DnsMessage.NOERROR);
        assertThat(texts(r.answers())).containsExactly("www.example.lab. 300 IN A 10.0.1.80");
        assertThat(r.authorities()).isEmpty();
    }

    @Test
    void anAliasIsFollowedWhileItStaysInTheZone() {
        serveExampleLab(false);

        DnsMessage r = ask("web.example.lab", DnsType.A, false);

        assertThat(texts(r.answers())).containsExactly("web.example.lab. 3600 IN CNAME www.example.lab.",
                "www.example.lab. 300 IN A 10.0.1.80");
    }

    @Test
    void aMissingNameIsNxdomainWithTheSoaForItsNegativeTtl() {
        serveExampleLab(false);

        DnsMessage r = ask("nowhere.example.lab", DnsType.A, true);

        assertThat(r.rcode()).isEqualTo(DnsMessage.NXDOMAIN);
        assertThat(r.authoritative()).isTrue();
        assertThat(r.answers()).isEmpty();
        assertThat(texts(r.authorities())).containsExactly(
                "example.lab. 300 IN SOA ns.example.lab. hostmaster.example.lab. 1 3600 900 604800 300");
    }

    @Test
    void aMissingTypeIsNodataWithTheSoa() {
        serveExampleLab(false);

        DnsMessage r = ask("www.example.lab", DnsType.MX, false);

        assertThat(r.rcode()).isEqualTo(DnsMessage.NOERROR);
        assertThat(r.authoritative()).isTrue();
        assertThat(r.answers()).isEmpty();
        assertThat(r.authorities()).extracting(DnsRecord::type).containsExactly(DnsType.SOA);
    }

    @Test
    void aNameInADelegatedZoneGetsAReferralWithGlueAndNoAa() {
        serveExampleLab(false);

        DnsMessage r = ask("host.sub.example.lab", DnsType.A, false);

        assertThat(r.flagNames()).isEqualTo("qr");
        assertThat(r.rcode()).isEqualTo(DnsMessage.NOERROR);
        assertThat(r.answers()).isEmpty();
        assertThat(texts(r.authorities())).containsExactly("sub.example.lab. 3600 IN NS ns.sub.example.lab.");
        assertThat(texts(r.additionals())).containsExactly("ns.sub.example.lab. 3600 IN A 10.0.0.60");
    }

    @Test
    void aMailExchangersAddressComesInTheAdditionalSection() {
        serveExampleLab(false);

        DnsMessage r = ask("example.lab", DnsType.MX, false);

        assertThat(texts(r.answers())).containsExactly("example.lab. 3600 IN MX 10 mail.example.lab.");
        assertThat(texts(r.additionals())).containsExactly("mail.example.lab. 3600 IN A 10.0.1.25");
    }

    @Test
    void aTxtRecordKeepsItsStrings() {
        serveExampleLab(false);

        DnsMessage r = ask("txt.example.lab", DnsType.TXT, false);

        assertThat(texts(r.answers())).containsExactly("txt.example.lab. 3600 IN TXT \"hello\" \"world\"");
    }

    @Test
    void aNameOutsideItsZonesIsRefusedByAServerThatDoesNotRecurse() {
        serveExampleLab(false);

        DnsMessage r = ask("www.other.lab", DnsType.A, true);

        assertThat(r.rcode()).isEqualTo(DnsMessage.REFUSED);
        assertThat(r.flagNames()).isEqualTo("qr rd");
    }

    @Test
    void aRecursiveServerSaysSoWithRa() {
        serveExampleLab(true);

        DnsMessage r = ask("www.example.lab", DnsType.A, true);

        assertThat(r.flagNames()).isEqualTo("qr aa rd ra");
    }

    @Test
    void aQueryOverTcpIsAnsweredOverTheSameConnection() {
        serveExampleLab(false);
        DnsMessage query = DnsMessage.query(77, new DnsQuestion(DnsName.parse("www.example.lab"), DnsType.A), false);

        DnsClient.tcp(pc1, DnsClient.server(Ipv4Address.parse("10.0.0.53")), query, SimTime.seconds(2), handler());
        t.sim.runUntil(SimTime.seconds(3));

        assertThat(failures).isEmpty();
        assertThat(texts(responses.get(0).answers())).containsExactly("www.example.lab. 300 IN A 10.0.1.80");
        assertThat(DnsWire.sentBy(t, "ns")).extracting(DnsWire::transport).containsExactly("tcp");
    }

    @Test
    void bytesThatAreNotAMessageButHaveAHeaderAreAnsweredFormerr() {
        serveExampleLab(false);
        SocketTable s = t.sockets(pc1);
        int fd = s.socket(SocketTable.Type.DGRAM).value();
        s.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.53"), 53));
        List<byte[]> got = new ArrayList<>();
        // id 0xabcd, one question announced, then a label running off the end
        s.send(fd, new byte[] {(byte) 0xab, (byte) 0xcd, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 9, 'x'});
        s.receive(fd, 512, SimTime.seconds(2), new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) { got.add(data); }

            @Override
            public void failed(Errno error) {}
        });
        t.sim.runUntil(SimTime.seconds(3));

        DnsMessage r = DnsMessage.decode(got.get(0), 0, got.get(0).length).orThrow();
        assertThat(r.id()).isEqualTo(0xabcd);
        assertThat(r.rcode()).isEqualTo(DnsMessage.FORMERR);
        assertThat(r.questions()).isEmpty();
    }

    @Test
    void aResponseSentToTheServerIsNeverAnswered() {
        serveExampleLab(false);
        SocketTable s = t.sockets(pc1);
        int fd = s.socket(SocketTable.Type.DGRAM).value();
        s.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.53"), 53));
        DnsMessage answer = DnsMessage.responseTo(
                DnsMessage.query(5, new DnsQuestion(DnsName.parse("www.example.lab"), DnsType.A), false)).build();

        s.send(fd, answer.toBytes());
        t.sim.runUntil(SimTime.seconds(3));

        assertThat(DnsWire.sentBy(t, "ns")).isEmpty();
    }

    @Test
    void anOpcodeOtherThanQueryIsNotImplemented() {
        serveExampleLab(false);
        DnsMessage status = new DnsMessage(9, DnsMessage.OPCODE_STATUS << 11, List.of(), List.of(), List.of(), List.of());
        SocketTable s = t.sockets(pc1);
        int fd = s.socket(SocketTable.Type.DGRAM).value();
        s.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.53"), 53));

        s.send(fd, status.toBytes());
        t.sim.runUntil(SimTime.seconds(3));

        DnsMessage r = DnsWire.sentBy(t, "ns").get(0).message();
        assertThat(r.rcode()).isEqualTo(DnsMessage.NOTIMP);
        assertThat(r.opcode()).isEqualTo(DnsMessage.OPCODE_STATUS);
    }
}
