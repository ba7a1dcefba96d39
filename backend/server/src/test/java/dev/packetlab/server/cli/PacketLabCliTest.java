package dev.packetlab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Tshark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packetlab run}: the headless way to use a lab, as a new user and CI use it. */
class PacketLabCliTest {
    private static final String ROUTED_LAB = "../../labs/two-routers.yaml";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String stdin, String... args) {
        return PacketLabCli.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() { return out.toString(StandardCharsets.UTF_8); }

    private String stderr() { return err.toString(StandardCharsets.UTF_8); }

    /**
     * One way is 4 × (1 ms + 7.84 us) on the 100 Mbit/s cables plus 5 ms + 78.4 us on the 10 Mbit/s one: RTT 18.22 ms.
     * The first request also waits for three ARP exchanges (18.13 ms).
     */
    @Test
    void runPrintsEachNodesTerminalPrefixedWithItsName() {
        int code = execute("pc1: ping -c 3 192.168.2.20\n", "run", ROUTED_LAB, "--script", "-");
        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("""
                pc1: $ ping -c 3 192.168.2.20
                pc1: PING 192.168.2.20 (192.168.2.20) 56(84) bytes of data.
                pc1: 64 bytes from 192.168.2.20: icmp_seq=1 ttl=62 time=36.4 ms
                pc1: 64 bytes from 192.168.2.20: icmp_seq=2 ttl=62 time=18.2 ms
                pc1: 64 bytes from 192.168.2.20: icmp_seq=3 ttl=62 time=18.2 ms
                pc1:\s
                pc1: --- 192.168.2.20 ping statistics ---
                pc1: 3 packets transmitted, 3 received, 0% packet loss, time 2018ms
                pc1: rtt min/avg/max/mdev = 18.220/24.264/36.354/8.549 ms
                """);
    }

    @Test
    void runOfTheRoutedLabWritesACaptureThatTsharkReadsCleanWithArpEchoAndTimeExceeded() throws IOException {
        Path pcap = dir.resolve("out.pcap");
        int code = execute("pc1: ping -c 3 192.168.2.20\npc1: traceroute 192.168.2.20\n",
                "run", ROUTED_LAB, "--script", "-", "--pcap", pcap.toString());
        assertThat(code).isZero();
        assertThat(stdout()).contains("pc1:  3  192.168.2.20 (192.168.2.20)");
        List<String> problems = Tshark.read(pcap, "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || ip.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
        List<String> seen = Tshark.read(pcap, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "icmp.type");
        assertThat(seen).contains("ARP\t", "ICMP\t8", "ICMP\t0", "ICMP\t11,8");
    }

    /**
     * The seed's story of closing (CONFORMANCE 23): the server closes first, so its socket on port 8888 waits in
     * TIME_WAIT, and a new server on that port fails with "Address already in use" until it sets SO_REUSEADDR.
     */
    @Test
    void theTcpLabShowsTheServersTimeWaitAndAddressInUseUntilSoReuseaddr() throws IOException {
        Path pcap = dir.resolve("tcp.pcap");
        String script = """
                srv: echo hello | nc -l 8888 &
                pc1: nc srv 8888
                wait 1s
                srv: netstat -ant
                srv: nc -l 8888
                srv: nc -l -r 8888 &
                wait 1s
                srv: netstat -ant
                """;
        int code = execute(script, "run", "../../labs/tcp-connection.yaml", "--script", "-", "--pcap", pcap.toString(),
                "--pcap-node", "srv");
        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("""
                srv: $ echo hello | nc -l 8888
                pc1: $ nc srv 8888
                pc1: hello
                srv: $ netstat -ant
                srv: Active Internet connections (servers and established)
                srv: Proto Recv-Q Send-Q Local Address           Foreign Address         State     \s
                srv: tcp        0      0 10.0.0.2:8888           10.0.0.1:38186          TIME_WAIT \s
                srv: $ nc -l 8888
                srv: nc: Address already in use
                srv: $ nc -l -r 8888
                srv: $ netstat -ant
                srv: Active Internet connections (servers and established)
                srv: Proto Recv-Q Send-Q Local Address           Foreign Address         State     \s
                srv: tcp        0      1 0.0.0.0:8888            0.0.0.0:*               LISTEN    \s
                srv: tcp        0      0 10.0.0.2:8888           10.0.0.1:38186          TIME_WAIT \s
                srv: ^C
                """);
        assertThat(Tshark.read(pcap, "-Y", "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\""))
                .isEmpty();
        // the server's FIN comes first: that is why the TIME_WAIT is on its side
        assertThat(Tshark.read(pcap, "-Y", "tcp.flags.fin == 1", "-T", "fields", "-e", "tcp.srcport"))
                .first().isEqualTo("8888");
    }

    @Test
    void aCaptureOfANodeTheLabDoesNotHaveIsAUsageError() {
        int code = execute("pc1: ip addr\n", "run", ROUTED_LAB, "--script", "-", "--pcap", dir.resolve("x.pcap").toString(),
                "--pcap-node", "pc9");
        assertThat(code).isEqualTo(PacketLabCli.EXIT_USAGE);
        assertThat(stderr()).startsWith("packetlab run: --pcap-node: ../../labs/two-routers.yaml has no node \"pc9\" (its nodes: pc1, ");
    }

    @Test
    void theSameLabSeedAndScriptGiveByteIdenticalEventLogs() throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        String script = "pc1: ping -c 2 192.168.2.30 &\nwait 500ms\npc3: traceroute -n 192.168.1.10\n";
        assertThat(execute(script, "run", ROUTED_LAB, "--script", "-", "--events", first.toString(), "--seed", "9")).isZero();
        assertThat(execute(script, "run", ROUTED_LAB, "--script", "-", "--events", second.toString(), "--seed", "9")).isZero();
        assertThat(Files.size(first)).isGreaterThan(1000);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void untilEndsTheRunAtThatSimulatedTime() {
        assertThat(execute("pc1: ping 192.168.2.20\n", "run", ROUTED_LAB, "--script", "-", "--until", "2.5s")).isZero();
        assertThat(stdout()).contains("pc1: 64 bytes from 192.168.2.20: icmp_seq=3").doesNotContain("icmp_seq=4")
                .contains("pc1: ^C").contains("3 packets transmitted, 3 received");
        assertThat(stderr()).contains("finished at simulated time 2.500000000 s");
    }

    @Test
    void aLabFileWithAnUnknownNodeNamesTheFileThePathAndTheKnownNodes() throws IOException {
        Path lab = dir.resolve("broken.yaml");
        Files.writeString(lab, """
                id: broken
                title: Broken
                nodes:
                  - {id: pc1, kind: host, ip: 10.0.0.1/24}
                  - {id: sw1, kind: switch}
                links:
                  - {a: pc1, b: sw1}
                  - {a: sw1, b: r9}
                """);
        assertThat(execute("", "run", lab.toString(), "--script", "-")).isEqualTo(2);
        assertThat(stderr()).isEqualTo(lab + ": links[1].b: no node named \"r9\" (known: pc1, sw1)\n");
    }

    @Test
    void aScriptLineForAnUnknownNodeNamesTheLine() {
        assertThat(execute("# warm up\npc9: ping -c 1 10.0.0.1\n", "run", ROUTED_LAB, "--script", "-")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("(stdin):2: no node named \"pc9\" (known: pc1, sw1, r1, r2, hub1, pc2, pc3)\n");
    }

    @Test
    void aMissingScriptFileIsNamed() {
        assertThat(execute("", "run", ROUTED_LAB, "--script", dir.resolve("nope.txt").toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("packetlab run: no such file: " + dir.resolve("nope.txt") + "\n");
    }

    @Test
    void anUnknownOptionPrintsUsage() {
        assertThat(execute("", "run", ROUTED_LAB, "--pacp", "x")).isEqualTo(2);
        assertThat(stderr()).startsWith("packetlab run: unknown option --pacp\nUsage:\n");
    }

    @Test
    void anUnknownCommandPrintsUsage() {
        assertThat(execute("", "frobnicate")).isEqualTo(2);
        assertThat(stderr()).startsWith("Usage:\n");
    }
}
