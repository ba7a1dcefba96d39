package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.wire.ArpPacket;
import dev.packetlab.stack.wire.FrameBuilder;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import dev.packetlab.stack.wire.UdpDatagram;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** tcpdump's filter expressions: each primitive, how they combine, and the errors (checked against libpcap's choices). */
class TcpdumpFilterTest {
    private static final MacAddress MAC1 = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress MAC2 = MacAddress.parse("02:00:00:00:00:02");
    private static final Ipv4Address A = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address B = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address FAR = Ipv4Address.parse("192.168.7.9");

    /** 10.0.0.1:40222 → 10.0.0.2:80, a SYN. */
    private static final byte[] TCP_A_TO_B = FrameBuilder.ethernet(MAC2, MAC1).ipv4(A, B)
            .tcp(new TcpSegment(40222, 80, 1, 0, TcpHeaderView.FLAG_SYN, 64240, 0, TcpOptions.NONE, Payload.EMPTY));
    /** 10.0.0.2:5353 → 192.168.7.9:53. */
    private static final byte[] UDP_B_TO_FAR = FrameBuilder.ethernet(MAC1, MAC2).ipv4(B, FAR)
            .udp(new UdpDatagram(5353, 53, Payload.ascii("query")));
    private static final byte[] PING_A_TO_B = FrameBuilder.ethernet(MAC2, MAC1).ipv4(A, B)
            .icmp(new IcmpMessage.EchoRequest(1, 1, Payload.of(new byte[56])));
    /** Who has 10.0.0.2? Tell 10.0.0.1. */
    private static final byte[] ARP_REQUEST = FrameBuilder.ethernet(MacAddress.BROADCAST, MAC1).arp(ArpPacket.request(MAC1, A, B));

    private static boolean matches(String expression, byte[] frame) {
        try {
            return TcpdumpFilter.parse(expression).matches(frame, frame.length);
        } catch (TcpdumpFilter.FilterException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static String error(String expression) {
        try {
            TcpdumpFilter.parse(expression);
        } catch (TcpdumpFilter.FilterException e) {
            return e.getMessage();
        }
        throw new AssertionError("\"" + expression + "\" compiled");
    }

    @Test
    void noExpressionMatchesEverything() {
        assertThat(matches("", ARP_REQUEST)).isTrue();
        assertThat(matches("", Arrays.copyOf(TCP_A_TO_B, 3))).isTrue();
    }

    @Test
    void protocolNamesMatchTheirFrames() {
        assertThat(matches("tcp", TCP_A_TO_B)).isTrue();
        assertThat(matches("tcp", UDP_B_TO_FAR)).isFalse();
        assertThat(matches("udp", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("icmp", PING_A_TO_B)).isTrue();
        assertThat(matches("icmp", TCP_A_TO_B)).isFalse();
        assertThat(matches("arp", ARP_REQUEST)).isTrue();
        assertThat(matches("arp", PING_A_TO_B)).isFalse();
        assertThat(matches("ip", PING_A_TO_B)).isTrue();
        assertThat(matches("ip", ARP_REQUEST)).isFalse();
    }

    @Test
    void hostMatchesTheIpSourceOrDestinationAndTheArpSenderOrTarget() {
        assertThat(matches("host 10.0.0.1", TCP_A_TO_B)).isTrue();
        assertThat(matches("host 10.0.0.2", TCP_A_TO_B)).isTrue();
        assertThat(matches("host 192.168.7.9", TCP_A_TO_B)).isFalse();
        assertThat(matches("host 10.0.0.2", ARP_REQUEST)).isTrue();
        assertThat(matches("ip host 10.0.0.2", ARP_REQUEST)).isFalse();
        assertThat(matches("arp host 10.0.0.2", ARP_REQUEST)).isTrue();
    }

    @Test
    void srcAndDstHostLookAtOneSideOnly() {
        assertThat(matches("src host 10.0.0.1", TCP_A_TO_B)).isTrue();
        assertThat(matches("src host 10.0.0.2", TCP_A_TO_B)).isFalse();
        assertThat(matches("dst host 10.0.0.2", TCP_A_TO_B)).isTrue();
        assertThat(matches("dst 10.0.0.1", TCP_A_TO_B)).isFalse();
        assertThat(matches("dst host 10.0.0.2", ARP_REQUEST)).isTrue(); // the ARP target
    }

    @Test
    void netMatchesAPrefixWrittenWithALengthOrAsLeadingOctets() {
        assertThat(matches("net 192.168.0.0/16", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("net 192.168.0.0/24", UDP_B_TO_FAR)).isFalse();
        assertThat(matches("net 192.168.7", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("src net 10.0.0.0/30", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("dst net 10.0.0.0/8", UDP_B_TO_FAR)).isFalse();
    }

    @Test
    void portMatchesTcpAndUdpPortsOnEitherSide() {
        assertThat(matches("port 80", TCP_A_TO_B)).isTrue();
        assertThat(matches("port 53", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("port 53", TCP_A_TO_B)).isFalse();
        assertThat(matches("port 1", PING_A_TO_B)).isFalse();
        assertThat(matches("tcp port 53", UDP_B_TO_FAR)).isFalse();
        assertThat(matches("udp port 53", UDP_B_TO_FAR)).isTrue();
    }

    @Test
    void srcAndDstPortLookAtOneSideOnly() {
        assertThat(matches("src port 40222", TCP_A_TO_B)).isTrue();
        assertThat(matches("src port 80", TCP_A_TO_B)).isFalse();
        assertThat(matches("dst port 80", TCP_A_TO_B)).isTrue();
        assertThat(matches("tcp dst port 40222", TCP_A_TO_B)).isFalse();
    }

    /** Only the first fragment carries the ports; pcap's port primitive checks the fragment offset is 0. */
    @Test
    void portDoesNotMatchALaterFragment() {
        byte[] later = TCP_A_TO_B.clone();
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(later, 14, 40);
        ip.setFragment(185, false);
        ip.updateChecksum();
        assertThat(matches("port 80", later)).isFalse();
        assertThat(matches("tcp", later)).isTrue();
    }

    @Test
    void notAndOrCombineWithTheirSymbolsAsWell() {
        assertThat(matches("not arp", TCP_A_TO_B)).isTrue();
        assertThat(matches("! tcp", TCP_A_TO_B)).isFalse();
        assertThat(matches("!tcp", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("tcp and port 80", TCP_A_TO_B)).isTrue();
        assertThat(matches("tcp && port 81", TCP_A_TO_B)).isFalse();
        assertThat(matches("udp or icmp", PING_A_TO_B)).isTrue();
        assertThat(matches("udp||arp", PING_A_TO_B)).isFalse();
    }

    /** pcap-filter(7): "and" and "or" have equal precedence and associate left to right; "not" binds tighter. */
    @Test
    void andAndOrBindEquallyFromLeftToRight() {
        // (udp or tcp) and port 80: the DNS datagram fails the port
        assertThat(matches("udp or tcp and port 80", UDP_B_TO_FAR)).isFalse();
        assertThat(matches("udp or (tcp and port 80)", UDP_B_TO_FAR)).isTrue();
        assertThat(matches("not udp and port 53", UDP_B_TO_FAR)).isFalse();
        assertThat(matches("not (udp and port 80)", UDP_B_TO_FAR)).isTrue();
    }

    @Test
    void aBareIdRepeatsTheQualifiersBeforeIt() {
        assertThat(matches("port 8080 or 80", TCP_A_TO_B)).isTrue();
        assertThat(matches("tcp dst port 1 or 40222", TCP_A_TO_B)).isFalse();
        assertThat(matches("host 172.16.0.1 or 10.0.0.2", TCP_A_TO_B)).isTrue();
        assertThat(matches("10.0.0.2", TCP_A_TO_B)).isTrue(); // alone: a host
    }

    @Test
    void etherHostMatchesTheMacAddresses() {
        assertThat(matches("ether host 02:00:00:00:00:01", TCP_A_TO_B)).isTrue();
        assertThat(matches("ether src 02:00:00:00:00:02", TCP_A_TO_B)).isFalse();
        assertThat(matches("ether dst ff:ff:ff:ff:ff:ff", ARP_REQUEST)).isTrue();
    }

    /** As in BPF, a check that reads past the captured bytes rejects the frame, even under "not". */
    @Test
    void aCheckPastTheCapturedBytesRejectsTheFrame() {
        byte[] cut = Arrays.copyOf(TCP_A_TO_B, 14 + 20);
        assertThat(matches("port 80", cut)).isFalse();
        assertThat(matches("not port 80", cut)).isFalse();
        assertThat(matches("tcp", cut)).isTrue();
    }

    @Test
    void syntaxErrorsNameTheTokenThatCouldNotBeUsed() {
        assertThat(error("tcp and")).isEqualTo("syntax error in filter expression: unexpected end after \"and\"");
        assertThat(error("host 10.0.0.1 porrt 80")).isEqualTo("syntax error in filter expression: unexpected \"porrt\"");
        assertThat(error("(tcp or udp")).isEqualTo("syntax error in filter expression: \"(\" is never closed");
        assertThat(error("tcp)")).isEqualTo("syntax error in filter expression: unexpected \")\"");
        assertThat(error("()")).isEqualTo("syntax error in filter expression: unexpected \")\"");
        assertThat(error("tcp[13] = 2")).isEqualTo("syntax error in filter expression: unexpected \"tcp[13]\"");
    }

    @Test
    void badValuesAndQualifiersSayWhatIsWrong() {
        assertThat(error("host pc2")).isEqualTo(
                "syntax error in filter expression: \"pc2\" is not an IPv4 address (there is no DNS to look names up)");
        assertThat(error("port http")).isEqualTo(
                "syntax error in filter expression: \"http\" is not a port number (0 to 65535; names such as http are not known)");
        assertThat(error("port 70000")).isEqualTo("syntax error in filter expression: port 70000 is above 65535");
        assertThat(error("net 10.0.0.1/8")).isEqualTo("syntax error in filter expression: non-network bits set in \"10.0.0.1/8\"");
        assertThat(error("tcp host 10.0.0.1")).isEqualTo("syntax error in filter expression: \"tcp\" cannot qualify \"host\"");
        assertThat(error("portrange 1-9")).startsWith("syntax error in filter expression: \"portrange\" is not supported here");
    }
}
