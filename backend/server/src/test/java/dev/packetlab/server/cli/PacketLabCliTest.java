package dev.packetlab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.labs.LabFileReader;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.testing.Tshark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

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

    // ---- check -----------------------------------------------------------------------------------------

    private static final Path LABS = Path.of("../../labs");

    /**
     * Every lab with checks, found in labs/ so that a new one is covered without touching this test, passes with its
     * solution script (labs/solutions/NAME.txt, exit 0) and fails with its wrong one (labs/solutions/NAME.wrong.txt,
     * exit 1): a check must never pass on a run where the behaviour did not happen.
     */
    @TestFactory
    Stream<DynamicTest> checkPassesEveryLabWithItsSolutionAndFailsItWithItsWrongScript() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(LABS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Lab lab = LabFileReader.read(file.toString(), Files.readString(file));
                if (lab.steps().stream().allMatch(s -> s.check() == null)) continue;
                String name = file.getFileName().toString().replace(".yaml", "");
                Path solution = LABS.resolve("solutions/" + name + ".txt");
                Path wrong = LABS.resolve("solutions/" + name + ".wrong.txt");
                tests.add(DynamicTest.dynamicTest(name + " passes with " + solution, () -> {
                    assertThat(solution).as("the solution script of %s", file).exists();
                    assertThat(check(file, solution)).as(stdout() + stderr()).isZero();
                }));
                tests.add(DynamicTest.dynamicTest(name + " fails with " + wrong, () -> {
                    assertThat(wrong).as("the wrong script of %s", file).exists();
                    assertThat(check(file, wrong)).as(stdout() + stderr()).isEqualTo(CheckCommand.EXIT_FAILED);
                }));
            }
        }
        assertThat(tests).as("labs with checks").hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    private int check(Path lab, Path script) {
        out.reset();
        err.reset();
        return execute("", "check", lab.toString(), "--script", script.toString());
    }

    @Test
    void checkPrintsEachStepWithPassOrFailAndWhy() {
        int code = execute("pc1: ping -c 3 192.168.2.20\npc1: traceroute 192.168.2.99\n", "check", ROUTED_LAB,
                "--script", "-");
        assertThat(code).isEqualTo(CheckCommand.EXIT_FAILED);
        assertThat(stdout()).startsWith("""
                PASS  step 1: On pc1 run `ping -c 3 192.168.2.20`: the packets leave through the default gateway r1.
                      seen 3 times (at least 3 wanted): r1 received ICMP 192.168.1.10 → 192.168.2.20 Echo (ping) \
                request  id=0x0940, seq=1, ttl=64 at 0.006034 s (3 times in all); seen 3 times (at least 3 wanted): \
                pc1 received ICMP 192.168.2.20 → 192.168.1.10 Echo (ping) reply  id=0x0940, seq=1, ttl=62 at 0.036353 s \
                (3 times in all)
                FAIL  step 2: On pc1 run `traceroute 192.168.2.20`: each router that decrements TTL to 0 answers with \
                ICMP time exceeded.
                """).contains("""
                FAIL  step 3: On r1 run `ip route`: a connected route for each interface and the static route to \
                192.168.2.0/24.
                      not seen: ip on r1 printing a line containing "192.168.2.0/24 via 10.0.12.2 dev eth1"
                FAIL  step 4: One packet, hop by hop.""").endsWith("\n1 of 5 checks passed\n");
    }

    @Test
    void checkWritesAJsonReportWithEveryStep() throws IOException {
        Path report = dir.resolve("report.json");
        int code = execute("", "check", "../../labs/tcp-connection.yaml", "--script",
                "../../labs/solutions/tcp-connection.wrong.txt", "--report", report.toString());
        assertThat(code).isEqualTo(CheckCommand.EXIT_FAILED);
        Map<?, ?> json = JsonMapper.builder().build().readValue(Files.readString(report), Map.class);
        assertThat(json.get("lab")).isEqualTo("tcp-connection");
        assertThat(json.get("passed")).isEqualTo(false);
        assertThat(json.get("checks")).isEqualTo(6);
        assertThat(json.get("checksPassed")).isEqualTo(1);
        List<?> steps = (List<?>) json.get("steps");
        assertThat(steps).hasSize(6);
        Map<?, ?> first = (Map<?, ?>) steps.getFirst();
        assertThat(first.get("step")).isEqualTo(1);
        assertThat(first.get("path")).isEqualTo("steps[0]");
        assertThat(first.get("check")).isEqualTo("a TCP socket of srv on port 8888 in state LISTEN");
        assertThat(first.get("passed")).isEqualTo(true);
        assertThat(first.get("at")).isEqualTo(0.0);
        assertThat(((Map<?, ?>) first.get("text")).get("ko")).asString()
                .startsWith("srv에서 `echo hello | nc -l 8888 &`");
        Map<?, ?> fourth = (Map<?, ?>) steps.get(3);
        assertThat(fourth.get("passed")).isEqualTo(false);
        assertThat(fourth.get("at")).isNull();
        assertThat(fourth.get("why"))
                .isEqualTo("not seen: nc on srv printing a line containing \"Address already in use\"");
    }

    @Test
    void checkWithReportButNoFileIsAUsageError() {
        assertThat(execute("pc1: ip addr\n", "check", "../../labs/switch-basics.yaml", "--script", "-", "--report"))
                .isEqualTo(PacketLabCli.EXIT_USAGE);
        assertThat(stderr()).startsWith("packetlab check: --report needs a value\nUsage:\n");
    }

    @Test
    void checkOfALabWhoseStepsHaveNoCheckSaysThereIsNothingToJudge() throws IOException {
        Path lab = dir.resolve("plain.yaml");
        Files.writeString(lab, """
                id: plain
                title: Plain
                nodes:
                  - {id: pc1, kind: host, ip: 10.0.0.1/24}
                steps:
                  - text: Look around
                """);
        assertThat(execute("pc1: ip addr\n", "check", lab.toString(), "--script", "-"))
                .isEqualTo(PacketLabCli.EXIT_USAGE);
        assertThat(stderr()).isEqualTo("packetlab check: " + lab + " has no step with a check: nothing to judge\n");
    }

    @Test
    void aBadCheckIsALabErrorWithItsPath() throws IOException {
        Path lab = dir.resolve("bad.yaml");
        Files.writeString(lab, """
                id: bad
                title: Bad
                nodes:
                  - {id: pc1, kind: host, ip: 10.0.0.1/24}
                steps:
                  - text: Ping
                    check: {output: {node: pc2, contains: "0% packet loss"}}
                """);
        assertThat(execute("", "check", lab.toString(), "--script", "-")).isEqualTo(PacketLabCli.EXIT_USAGE);
        assertThat(stderr()).isEqualTo(lab + ": steps[0].check.output.node: no node named \"pc2\" (known: pc1)\n");
    }
}
