package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.FrameBuilder;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tcpdump: the lines it prints for each kind of frame, checked against what tcpdump 4.99 prints for the same bytes,
 * and how it starts, filters, counts and ends. TCP segments are built by hand and put on pc1's wire, addressed to a
 * MAC address nobody has, so that no stack answers them and the capture shows exactly what a test sent.
 */
class TcpdumpTest {
    private static final MacAddress NOBODY = MacAddress.parse("02:00:00:00:00:99");
    private static final int SYN = TcpHeaderView.FLAG_SYN;
    private static final int ACK = TcpHeaderView.FLAG_ACK;
    private static final int PSH = TcpHeaderView.FLAG_PSH;
    private static final int FIN = TcpHeaderView.FLAG_FIN;
    private static final int RST = TcpHeaderView.FLAG_RST;

    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host pc2 = t.host("pc2", "10.0.0.2/24");
    private int status = Integer.MIN_VALUE;

    TcpdumpTest() {
        t.connect(pc1, pc2);
    }

    /** A segment between 10.0.0.1:40222 and 10.0.0.2:8888, {@code outbound} from the first. */
    private static byte[] tcp(boolean outbound, long seq, long ack, int flags, int window, TcpOptions options, String data) {
        Ipv4Address a = Ipv4Address.parse("10.0.0.1");
        Ipv4Address b = Ipv4Address.parse("10.0.0.2");
        return FrameBuilder.ethernet(NOBODY, MacAddress.parse("02:00:00:00:00:01")).ipv4(outbound ? a : b, outbound ? b : a)
                .tcp(new TcpSegment(outbound ? 40222 : 8888, outbound ? 8888 : 40222, seq, ack, flags, window, 0, options,
                        Payload.ascii(data)));
    }

    /** The handshake of the example in docs/shell.md, six bytes of data, a SACK, a FIN and the peer's reset. */
    private static byte[][] connection() {
        TcpOptions linuxSyn = TcpOptions.NONE.withMss(1460).withSackPermitted(true).withTimestamps(1, 0).withWindowScale(7);
        return new byte[][] {
            tcp(true, 1840236117L, 0, SYN, 64240, linuxSyn, ""),
            tcp(false, 99120, 1840236118L, SYN | ACK, 65160, TcpOptions.NONE.withMss(1460), ""),
            tcp(true, 1840236118L, 99121, ACK, 502, TcpOptions.NONE, ""),
            tcp(true, 1840236118L, 99121, PSH | ACK, 502, TcpOptions.NONE, "hello\n"),
            tcp(false, 99121, 1840236124L, ACK, 509,
                    TcpOptions.NONE.withSackBlocks(List.of(new TcpOptions.SackBlock(1840236130L, 1840236140L))), ""),
            tcp(true, 1840236124L, 99121, FIN | ACK, 502, TcpOptions.NONE.withTimestamps(5, 6), ""),
            tcp(false, 99121, 1840236125L, RST | ACK, 0, TcpOptions.NONE, ""),
        };
    }

    /**
     * Starts {@code command} on pc1, puts {@code frames} on pc1's wire 120 us apart from 1 s on, lets 2 s pass,
     * then Ctrl-C if it still runs. Returns everything pc1's terminal showed after the prompt line.
     */
    private String capture(String command, byte[]... frames) {
        int from = t.events.size();
        t.shell(pc1).execute(command, code -> status = code);
        for (int i = 0; i < frames.length; i++) {
            byte[] frame = frames[i];
            t.sim.scheduleAt(SimTime.seconds(1) + (i + 1) * SimTime.micros(120), () -> t.inject(pc1.device("eth0"), frame));
        }
        t.sim.runUntil(SimTime.seconds(2));
        if (status == Integer.MIN_VALUE) t.shell(pc1).interrupt();
        return t.terminalOutput("pc1", from);
    }

    /** Only the lines for frames (they start with the time of day). */
    private static String frameLines(String output) {
        StringBuilder s = new StringBuilder();
        output.lines().filter(l -> l.startsWith("00:")).forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    /** Starts {@code command} on {@code node} and runs {@code then} on pc1 to completion; returns the capture's output. */
    private String around(Node node, String command, String then) {
        int from = t.events.size();
        t.shell(node).execute(command, code -> status = code);
        t.run(pc1, then);
        t.sim.runUntil(t.sim.now() + SimTime.seconds(1));
        if (status == Integer.MIN_VALUE) t.shell(node).interrupt();
        return t.terminalOutput(node.name(), from);
    }

    @Test
    void itAnnouncesItselfAndCountsWhatItCapturedWhenCtrlCEndsIt() {
        assertThat(capture("tcpdump -i eth0")).isEqualTo("""
                tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
                listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
                ^C
                0 packets captured
                0 packets received by filter
                0 packets dropped by kernel
                """);
        assertThat(status).isZero();
    }

    @Test
    void aConnectionPrintsWithSequenceNumbersRelativeToItsFirstAcknowledgment() {
        assertThat(frameLines(capture("tcpdump -i eth0", connection()))).isEqualTo("""
                00:00:01.000120 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [S], seq 1840236117, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
                00:00:01.000240 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [S.], seq 99120, ack 1840236118, win 65160, options [mss 1460], length 0
                00:00:01.000360 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [.], ack 1, win 502, length 0
                00:00:01.000480 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [P.], seq 1:7, ack 1, win 502, length 6
                00:00:01.000600 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [.], ack 7, win 509, options [nop,nop,sack 1 {13:23}], length 0
                00:00:01.000720 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [F.], seq 7, ack 1, win 502, options [nop,nop,TS val 5 ecr 6], length 0
                00:00:01.000840 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [R.], seq 1, ack 8, win 0, length 0
                """);
    }

    @Test
    void dashSPrintsSequenceNumbersAsTheyAre() {
        assertThat(frameLines(capture("tcpdump -S -i eth0", connection()))).isEqualTo("""
                00:00:01.000120 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [S], seq 1840236117, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
                00:00:01.000240 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [S.], seq 99120, ack 1840236118, win 65160, options [mss 1460], length 0
                00:00:01.000360 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [.], ack 99121, win 502, length 0
                00:00:01.000480 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [P.], seq 1840236118:1840236124, ack 99121, win 502, length 6
                00:00:01.000600 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [.], ack 1840236124, win 509, options [nop,nop,sack 1 {1840236130:1840236140}], length 0
                00:00:01.000720 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [F.], seq 1840236124, ack 99121, win 502, options [nop,nop,TS val 5 ecr 6], length 0
                00:00:01.000840 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [R.], seq 99121, ack 1840236125, win 0, length 0
                """);
    }

    /** Without the handshake, the first segment with ACK sets both bases: it prints absolute, the rest relative. */
    @Test
    void aCaptureThatMissedTheHandshakeCountsFromTheFirstSegmentItSaw() {
        assertThat(frameLines(capture("tcpdump -i eth0",
                tcp(false, 1000, 2000, ACK, 100, TcpOptions.NONE, "zz"),
                tcp(true, 2000, 1002, ACK, 100, TcpOptions.NONE, "zzz"),
                tcp(false, 1002, 2003, ACK, 100, TcpOptions.NONE, "zz")))).isEqualTo("""
                00:00:01.000120 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [.], seq 1000:1002, ack 2000, win 100, length 2
                00:00:01.000240 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [.], seq 1:4, ack 2, win 100, length 3
                00:00:01.000360 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [.], seq 2:4, ack 4, win 100, length 2
                """);
    }

    @Test
    void anHttpRequestShowsItsFirstLine() {
        byte[] request = FrameBuilder.ethernet(NOBODY, MacAddress.parse("02:00:00:00:00:01"))
                .ipv4(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"))
                .tcp(new TcpSegment(40000, 80, 1, 1, PSH | ACK, 502, 0, TcpOptions.NONE,
                        Payload.ascii("GET /index.html HTTP/1.1\r\nHost: pc2\r\n\r\n")));
        assertThat(frameLines(capture("tcpdump -S -i eth0", request))).isEqualTo(
                "00:00:01.000120 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:40, ack 1, win 502, length 39: HTTP: GET /index.html HTTP/1.1\n");
    }

    @Test
    void aUdpDatagramShowsItsPortsAndLengthAndTheUnreachablePortAnswer() {
        int from = t.events.size();
        t.shell(pc1).execute("tcpdump -i eth0", code -> status = code);
        t.udp(pc1).open(5353, (source, port, data) -> true).send(Ipv4Address.parse("10.0.0.2"), 53, new byte[30]);
        t.sim.runUntil(SimTime.seconds(1));
        t.shell(pc1).interrupt();
        assertThat(frameLines(t.terminalOutput("pc1", from))).isEqualTo("""
                00:00:00.000000 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28
                00:00:00.002009 ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 46
                00:00:00.002009 IP 10.0.0.1.5353 > 10.0.0.2.53: UDP, length 30
                00:00:00.004020 IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 udp port 53 unreachable, length 36
                """);
    }

    @Test
    void pingShowsTheArpExchangeThenTheEchoRequestAndReply() {
        assertThat(frameLines(around(pc2, "tcpdump -i eth0", "ping -c 1 10.0.0.2"))).isEqualTo("""
                00:00:00.001004 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 46
                00:00:00.001004 ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28
                00:00:00.003017 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2368, seq 1, length 64
                00:00:00.003017 IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 2368, seq 1, length 64
                """);
    }

    @Test
    void dashEPrintsTheEthernetHeaderAndTheFrameLength() {
        assertThat(frameLines(around(pc2, "tcpdump -e -i eth0", "ping -c 1 10.0.0.2"))).isEqualTo("""
                00:00:00.001004 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60: Request who-has 10.0.0.2 tell 10.0.0.1, length 46
                00:00:00.001004 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42: Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28
                00:00:00.003017 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 98: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2368, seq 1, length 64
                00:00:00.003017 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype IPv4 (0x0800), length 98: 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 2368, seq 1, length 64
                """);
    }

    @Test
    void aLaterFragmentShowsOnlyItsProtocol() {
        assertThat(frameLines(around(pc2, "tcpdump -i eth0 icmp", "ping -c 1 -s 2000 10.0.0.2"))).isEqualTo("""
                00:00:00.003130 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2368, seq 1, length 1480
                00:00:00.003175 IP 10.0.0.1 > 10.0.0.2: icmp
                00:00:00.003175 IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 2368, seq 1, length 1480
                00:00:00.003296 IP 10.0.0.2 > 10.0.0.1: icmp
                """);
    }

    @Test
    void withDashNALaterFragmentNamesItsProtocolByNumber() {
        assertThat(frameLines(around(pc2, "tcpdump -n -c 2 -i eth0 icmp", "ping -c 1 -s 2000 10.0.0.2"))).isEqualTo("""
                00:00:00.003130 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2368, seq 1, length 1480
                00:00:00.003175 IP 10.0.0.1 > 10.0.0.2: ip-proto-1
                """);
        assertThat(status).isZero();
    }

    @Test
    void damagedFramesPrintWhatTcpdumpPrintsAndNeverStopTheCapture() {
        byte[] syn = connection()[0];
        byte[] shortHeader = connection()[3];
        shortHeader[14 + 20 + 12] = 0x40; // data offset 4: a 16-byte header
        assertThat(frameLines(capture("tcpdump -i eth0",
                Arrays.copyOf(syn, 14 + 20 + 30), shortHeader, Arrays.copyOf(syn, 10), connection()[2]))).isEqualTo("""
                00:00:01.000120 IP truncated-ip - 10 bytes missing! 10.0.0.1.40222 > 10.0.0.2.8888: Flags [S], seq 1840236117, win 64240, options [mss 1460,sackOK,TS [|tcp]>
                00:00:01.000240 IP 10.0.0.1.40222 > 10.0.0.2.8888:  tcp 10 [bad hdr length 16 - too short, < 20]
                00:00:01.000360  [|ether]
                00:00:01.000480 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [.], ack 99121, win 502, length 0
                """);
    }

    @Test
    void dashCEndsAfterThatManyFramesWithTheCounts() {
        String out = capture("tcpdump -c 2 -i eth0", connection());
        assertThat(out).isEqualTo("""
                tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
                listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
                00:00:01.000120 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [S], seq 1840236117, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
                00:00:01.000240 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [S.], seq 99120, ack 1840236118, win 65160, options [mss 1460], length 0
                2 packets captured
                2 packets received by filter
                0 packets dropped by kernel
                """);
        assertThat(status).isZero();
    }

    @Test
    void onlyFramesMatchingTheFilterArePrinted() {
        assertThat(frameLines(capture("tcpdump -S -i eth0 '(src port 8888 or icmp) and not arp'", connection()))).isEqualTo("""
                00:00:01.000240 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [S.], seq 99120, ack 1840236118, win 65160, options [mss 1460], length 0
                00:00:01.000600 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [.], ack 1840236124, win 509, options [nop,nop,sack 1 {1840236130:1840236140}], length 0
                00:00:01.000840 IP 10.0.0.2.8888 > 10.0.0.1.40222: Flags [R.], seq 99121, ack 1840236125, win 0, length 0
                """);
    }

    /** Announcements and counts go to standard error, so only the frames travel down a pipe. */
    @Test
    void inAPipelineOnlyTheFramesGoDownThePipe() {
        Recorder record = new Recorder(0);
        Shell shell = new Shell(pc1, List.of(new Tcpdump(), record));
        int from = t.events.size();
        shell.execute("tcpdump -c 1 -i eth0 | record", code -> status = code);
        t.sim.scheduleAt(SimTime.seconds(1), () -> t.inject(pc1.device("eth0"), connection()[0]));
        t.sim.runUntil(SimTime.seconds(2));
        assertThat(record.heard).containsExactly("00:00:01.000000 IP 10.0.0.1.40222 > 10.0.0.2.8888: Flags [S], seq 1840236117,"
                + " win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0\n", "EOF");
        assertThat(t.terminalOutput("pc1", from)).isEqualTo("""
                tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
                listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
                1 packet captured
                1 packet received by filter
                0 packets dropped by kernel
                """);
        assertThat(status).isEqualTo(3);
    }

    @Test
    void onceEndedItPrintsNothingMore() {
        t.shell(pc1).execute("tcpdump -c 1", code -> status = code);
        t.run(pc1, "ping -c 2 10.0.0.2");
        assertThat(status).isZero();
        assertThat(t.events(dev.packetlab.stack.trace.TraceEvent.TerminalOutput.class))
                .filteredOn(e -> e.text().startsWith("00:")).hasSize(1);
    }

    /** A router's tcpdump sees one interface: here eth1, towards pcB, not eth0 where the ping came in. */
    @Test
    void onARouterItListensOnTheChosenInterfaceOnly() {
        TestNetwork n = new TestNetwork();
        Host pcA = n.host("pcA", "10.0.1.1/24", "10.0.1.254");
        Host r1 = n.router("r1", "10.0.1.254/24", "10.0.2.254/24");
        Host pcB = n.host("pcB", "10.0.2.1/24", "10.0.2.254");
        n.connect(pcA, r1);
        n.connect(r1, pcB);
        int from = n.events.size();
        n.shell(r1).execute("tcpdump -n -i eth1 icmp", code -> status = code);
        n.run(pcA, "ping -c 1 10.0.2.1");
        n.shell(r1).interrupt();
        assertThat(frameLines(n.terminalOutput("r1", from))).isEqualTo("""
                00:00:00.005027 IP 10.0.1.1 > 10.0.2.1: ICMP echo request, id 16650, seq 1, length 64
                00:00:00.007042 IP 10.0.2.1 > 10.0.1.1: ICMP echo reply, id 16650, seq 1, length 64
                """);
    }

    @Test
    void anUnknownInterfaceIsAnError() {
        assertThat(capture("tcpdump -i eth7")).isEqualTo("tcpdump: eth7: No such device exists\n");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void aBadFilterNamesTheTokenItCouldNotUse() {
        assertThat(capture("tcpdump -i eth0 tcp and")).isEqualTo("tcpdump: syntax error in filter expression: unexpected end after \"and\"\n");
        assertThat(status).isEqualTo(1);
        assertThat(capture("tcpdump -i eth0 host 10.0.0.2 porrt 80")).isEqualTo("tcpdump: syntax error in filter expression: unexpected \"porrt\"\n");
    }

    @Test
    void anInterfaceThatIsDownCannotBeCaptured() {
        t.run(pc1, "ip link set eth0 down");
        assertThat(capture("tcpdump")).isEqualTo("tcpdump: eth0: That device is not up\n");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void aCountThatIsNotPositiveIsRefused() {
        assertThat(capture("tcpdump -c 0")).isEqualTo("tcpdump: invalid packet count 0\n");
        assertThat(status).isEqualTo(1);
    }
}
