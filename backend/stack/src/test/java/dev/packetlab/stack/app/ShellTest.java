package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell behaviour every command shares: unknown commands, bad options, help, Ctrl-C, tunables. */
class ShellTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24", "192.168.1.1");
    private final Host pc2 = t.host("pc2", "192.168.1.20/24");

    ShellTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(pc2, t.net.node("sw1"));
    }

    @Test
    void anUnknownCommandAnswersCommandNotFoundWithStatus127() {
        assertThat(t.run(pc1, "pnig 10.0.0.1")).isEqualTo("sh: pnig: command not found (type help for the list)\n");
        assertThat(t.lastExitCode).isEqualTo(127);
    }

    @Test
    void aBadOptionPrintsTheMessageAndTheUsageWithStatus2() {
        String out = t.run(pc1, "ping -x 192.168.1.20");
        assertThat(out).startsWith("ping: invalid option -- 'x'\nusage: ping [-c COUNT]");
        assertThat(t.lastExitCode).isEqualTo(2);
        assertThat(t.run(pc1, "ping -c zero 192.168.1.20")).startsWith("ping: invalid count: 'zero'\n");
        assertThat(t.run(pc1, "ping")).startsWith("ping: usage error: Destination address required\n");
    }

    @Test
    void anUnterminatedQuoteIsASyntaxError() {
        assertThat(t.run(pc1, "ping \"192.168.1.20")).isEqualTo("sh: unterminated \" quote\n");
        assertThat(t.lastExitCode).isEqualTo(2);
    }

    @Test
    void helpListsTheCommandsSortedAndAligned() {
        Shell shell = new Shell(pc1, List.of(new Traceroute(), new Arp(), new Ping()));
        int from = t.events.size();
        shell.execute("help", code -> { });
        assertThat(t.terminalOutput("pc1", from)).isEqualTo("""
                Commands on pc1:
                  arp         show the ARP cache (IP address to MAC address)
                  help        list the commands, or show how to use one
                  ping        send ICMP echo requests and time the replies
                  traceroute  show the routers on the path to a host
                Type COMMAND --help for its options. Ctrl-C stops a running command.
                """);
    }

    @Test
    void eachKindOfNodeOffersItsOwnCommands() {
        assertThat(t.shell(pc1).commands())
                .containsKeys("arp", "cat", "echo", "help", "ip", "ping", "sysctl", "tcpdump", "traceroute");
        assertThat(t.shell(t.net.node("sw1")).commands()).containsOnlyKeys("help", "show", "sysctl");
        assertThat(t.run(t.net.node("sw1"), "help")).contains("  show    show mac: the MAC address table").doesNotContain("ping");
    }

    /** Through the switch each way is 2 × (1 ms + 7.84 us); the first request waits 4.02 ms more for ARP. */
    @Test
    void ctrlCStopsPingWhichPrintsItsStatistics() {
        int[] exit = {-1};
        t.shell(pc1).execute("ping 192.168.1.20", code -> exit[0] = code);
        t.sim.runUntil(SimTime.millis(2500));
        t.shell(pc1).interrupt();
        assertThat(exit[0]).isZero();
        assertThat(t.terminalOutput("pc1", 0)).endsWith("""
                ^C

                --- 192.168.1.20 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 2500ms
                rtt min/avg/max/mdev = 4.031/5.371/8.051/1.895 ms
                """);
    }

    @Test
    void sysctlSetsATunableWithinItsRangeAndRefusesOthers() {
        assertThat(t.run(pc1, "sysctl -w net.ipv4.ip_default_ttl=5")).isEqualTo("net.ipv4.ip_default_ttl = 5\n");
        assertThat(pc1.defaultTtl()).isEqualTo(5);
        assertThat(t.run(pc1, "sysctl -w net.ipv4.ip_default_ttl=0"))
                .isEqualTo("sysctl: net.ipv4.ip_default_ttl: 0 is outside 1..255\n");
        assertThat(t.run(pc1, "sysctl -w net.ipv4.ip_defualt_ttl=9"))
                .isEqualTo("sysctl: unknown sysctl \"net.ipv4.ip_defualt_ttl\" (did you mean net.ipv4.ip_default_ttl?)\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void sysctlListsEveryTunableWithItsDefaultAndMeaning() {
        // the name column is as wide as the longest name, net.ipv4.tcp_ssthresh_from_pipe's 31 characters
        assertThat(t.run(pc1, "sysctl")).contains(
                "net.ipv4.neigh.mcast_solicit            3         3          ARP requests sent before an address is given up as unreachable");
        // one "name = value" line per tunable, sorted, so that the IPv4 and neighbour ones stand together
        String all = t.run(pc1, "sysctl -a");
        assertThat(all.lines()).allMatch(l -> l.matches("[a-z0-9_.]+ = \\d+")).isSorted();
        assertThat(all).contains("""
                net.ipv4.ip_default_ttl = 64
                net.ipv4.ip_forward = 0
                net.ipv4.ipfrag_time = 30
                net.ipv4.neigh.gc_stale_time = 60
                net.ipv4.neigh.mcast_solicit = 3
                net.ipv4.neigh.retrans_time_ms = 1000
                net.ipv4.neigh.unres_qlen = 101
                """);
    }

    @Test
    void ipAddrShowsInterfacesLikeIproute2() {
        assertThat(t.run(pc1, "ip addr")).isEqualTo("""
                1: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP
                    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
                    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0
                """);
    }

    @Test
    void ipLinkSetDownTakesTheInterfaceDownAndItsRouteWithIt() {
        t.run(pc1, "ip link set eth0 down");
        assertThat(t.run(pc1, "ip addr")).startsWith("1: eth0: <BROADCAST,MULTICAST> mtu 1500 state DOWN\n");
        assertThat(t.run(pc1, "ping -c 1 192.168.1.20")).contains("ping: connect: Network is unreachable\n");
    }

    @Test
    void ipRouteAddRefusesAGatewayOffEverySubnet() {
        assertThat(t.run(pc1, "ip route add 10.0.0.0/8 via 172.16.0.1"))
                .isEqualTo("Error: Nexthop has invalid gateway: 172.16.0.1 is not on a connected subnet.\n");
        assertThat(t.lastExitCode).isEqualTo(2);
        t.run(pc1, "ip route add 10.0.0.0/8 via 192.168.1.20");
        assertThat(t.run(pc1, "ip route")).contains("10.0.0.0/8 via 192.168.1.20 dev eth0\n");
    }
}
