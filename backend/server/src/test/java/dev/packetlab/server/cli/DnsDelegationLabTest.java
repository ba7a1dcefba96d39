package dev.packetlab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Tshark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labs/dns-delegation.yaml run headless: iterative resolution from the root, seen from pc1 and from the resolver. */
class DnsDelegationLabTest {
    private static final String LAB = "../../labs/dns-delegation.yaml";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int execute(String script, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "run";
        all[1] = LAB;
        all[2] = "--script";
        all[3] = "-";
        System.arraycopy(args, 0, all, 4, args.length);
        return PacketLabCli.execute(all, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
    }

    @Test
    void digTraceOnPc1WalksFromTheRootThroughLabToTheAuthority() {
        int code = execute("pc1: dig +trace www.example.lab\n");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "pc1: .\t\t\t3600\tIN\tNS\ta.root-servers.lab.\n",
                "pc1: lab.\t\t\t3600\tIN\tNS\tns.lab.\npc1: ;; Received 66 bytes from 10.0.0.2#53(a.root-servers.lab) in ",
                "pc1: example.lab.\t\t3600\tIN\tNS\tns.example.lab.\npc1: ;; Received 66 bytes from 10.0.0.3#53(ns.lab) in ",
                "pc1: www.example.lab.\t300\tIN\tA\t10.0.1.80\npc1: ;; Received 49 bytes from 10.0.0.4#53(ns.example.lab) in ");
    }

    @Test
    void theResolverAsksRootTldAndAuthorityOnceThenGoesStraightToTheAuthority() {
        Path pcap = dir.resolve("resolver.pcap");
        int code = execute("pc1: nslookup www.example.lab\npc1: nslookup mail.example.lab\n", "--pcap", pcap.toString(),
                "--pcap-node", "resolver");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pc1: Non-authoritative answer:\npc1: Name:\twww.example.lab\n"
                + "pc1: Address: 10.0.1.80\n", "pc1: Name:\tmail.example.lab\npc1: Address: 10.0.1.25\n");
        assertThat(Tshark.read(pcap, "-Y", "dns.flags.response == 0 && ip.src == 10.0.0.53", "-T", "fields",
                "-e", "ip.dst", "-e", "dns.qry.name", "-e", "dns.qry.type")).containsExactly(
                "10.0.0.2\twww.example.lab\t1", "10.0.0.3\twww.example.lab\t1", "10.0.0.4\twww.example.lab\t1",
                "10.0.0.4\twww.example.lab\t28",
                "10.0.0.4\tmail.example.lab\t1", "10.0.0.4\tmail.example.lab\t28");
        assertThat(Tshark.read(pcap, "-Y", "_ws.malformed || _ws.expert.severity >= warning || udp.checksum.status == \"Bad\""))
                .isEmpty();
    }
}
