package dev.packetlab.stack.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Taking cables, interfaces and nodes out of a running network, and putting their names to use again at once. */
class TopologyRemovalTest {
    private final TestNetwork t = new TestNetwork();

    @AfterEach
    void checksums() {
        t.close();
    }

    /** A host as a lab builds one: UDP, TCP, sockets, one interface eth0. */
    private Host host(String name, String address) {
        return t.host(name, address);
    }

    @Test
    void aFrameOnARemovedCableIsDroppedThereWithThatReasonAndNeverDelivered() {
        t.withLinks(new LinkParameters(100_000_000L, SimTime.millis(10), 0, 0, 1500, 100));
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        Link l0 = t.connect(a, b);
        t.shell(a).execute("ping -c 1 10.0.0.2", code -> { });
        t.sim.runUntil(SimTime.millis(5)); // the ARP request left at 0 and arrives at 10.0048 ms

        t.net.disconnect(l0);
        t.sim.runUntil(SimTime.seconds(1));

        TraceEvent.FrameDropped lost = t.drops().getFirst();
        assertThat(lost.time()).isEqualTo(SimTime.millis(5));
        assertThat(lost.node()).isEqualTo("b");
        assertThat(lost.device()).isEqualTo("eth0");
        assertThat(lost.reason()).isEqualTo(DropReason.LINK_REMOVED);
        assertThat(lost.detail()).isEqualTo("lost on l0");
        assertThat(t.receivedBy("b")).isEmpty();
        assertThat(t.net.link("l0")).isNull();
        assertThat(a.device("eth0").link()).isNull();
        assertThat(b.device("eth0").link()).isNull();
    }

    @Test
    void framesWaitingBehindTheOneOnTheWireAreDroppedWhenTheCableIsRemoved() {
        t.withLinks(new LinkParameters(64_000L, SimTime.millis(1), 0, 0, 1500, 100));
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        Link l0 = t.connect(a, b);
        t.run(a, "ping -c 1 10.0.0.2");
        long start = t.sim.now();
        // three 1000-byte pings a millisecond apart: each takes 128.5 ms to clock out at 64 kbit/s
        t.shell(a).execute("ping -c 3 -i 0.001 -s 1000 -W 1 10.0.0.2", code -> { });
        t.sim.runUntil(start + SimTime.millis(10));

        t.net.disconnect(l0);

        assertThat(t.drops()).filteredOn(d -> d.time() == start + SimTime.millis(10))
                .extracting(TraceEvent.FrameDropped::node, TraceEvent.FrameDropped::reason, TraceEvent.FrameDropped::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", DropReason.LINK_REMOVED, "lost on l0"),
                        org.assertj.core.groups.Tuple.tuple("a", DropReason.NOT_CONNECTED, "queued when the cable was removed"),
                        org.assertj.core.groups.Tuple.tuple("a", DropReason.NOT_CONNECTED, "queued when the cable was removed"));
    }

    @Test
    void bothInterfacesOfARemovedCableTakeANewOneAtOnceUnderTheSameName() {
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        t.net.disconnect(t.net.connect("a-b", a.device("eth0"), b.device("eth0"), LinkParameters.DEFAULT));

        t.net.connect("a-b", a.device("eth0"), b.device("eth0"), LinkParameters.DEFAULT);

        assertThat(t.run(a, "ping -c 1 10.0.0.2")).contains("1 packets transmitted, 1 received, 0% packet loss");
    }

    @Test
    void aRemovedNodesNameCanBeAddedAgainAndItAnswersAPing() {
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        Switch sw = t.switchNamed("sw1");
        t.connect(a, sw);
        t.connect(b, sw);
        t.run(a, "ping -c 1 10.0.0.2");

        t.net.remove(b);
        Host again = host("b", "10.0.0.2/24");
        t.connect(again.device("eth0"), sw.device("p2")); // the port the old b's cable left free

        assertThat(t.net.node("b")).isSameAs(again);
        assertThat(sw.devices()).extracting(NetDevice::name).containsExactly("p1", "p2");
        assertThat(t.run(again, "ping -c 1 10.0.0.1")).contains("1 packets transmitted, 1 received, 0% packet loss");
        assertThat(t.run(a, "ping -c 1 10.0.0.2")).contains("1 packets transmitted, 1 received, 0% packet loss");
    }

    @Test
    void nothingARemovedNodeWasDoingGoesOnAfterItsRemoval() {
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        t.connect(a, t.switchNamed("sw1"));
        t.connect(b, t.net.node("sw1"));
        t.shell(b).execute("nc -l 8888 &", code -> { });
        t.shell(a).execute("nc 10.0.0.2 8888 &", code -> { });
        t.shell(a).execute("ping 10.0.0.2", code -> { }); // never ends by itself
        t.sim.runUntil(SimTime.seconds(2));
        assertThat(Tcp.of(a).connections()).extracting(c -> c.state().name()).containsExactly("ESTABLISHED");

        t.net.remove(a);
        int removedAt = t.events.size();
        t.sim.runUntil(SimTime.seconds(300));

        assertThat(Tcp.of(a).connections()).isEmpty();
        assertThat(t.shell(a).running()).isEmpty();
        assertThat(t.events.subList(removedAt, t.events.size())).filteredOn(e -> "a".equals(e.node())).isEmpty();
        assertThat(a.isRemoved()).isTrue();
        assertThat(t.net.node("a")).isNull();
    }

    @Test
    void aRemovedInterfaceTakesItsRoutesWithItAndItsNameIsFreeAgain() {
        Host r = t.router("r", "10.0.0.254/24", "10.1.0.254/24");
        Host pc = host("pc", "10.1.0.1/24");
        t.connect(r.device("eth1"), pc.device("eth0"));
        r.addRoute(Ipv4Prefix.parse("10.2.0.0/16"), Ipv4Address.parse("10.1.0.1"));

        r.removeDevice("eth1");

        assertThat(r.devices()).extracting(NetDevice::name).containsExactly("eth0");
        assertThat(r.iface("eth1")).isNull();
        assertThat(r.routes().routes()).extracting(x -> x.destination().toString()).containsExactly("10.0.0.0/24");
        assertThat(pc.device("eth0").link()).isNull();
        r.addDevice("eth1");
        r.setAddress("eth1", Ipv4Prefix.parse("10.1.0.254/24"));
        t.connect(r.device("eth1"), pc.device("eth0"));
        assertThat(t.run(pc, "ping -c 1 10.1.0.254")).contains("1 packets transmitted, 1 received, 0% packet loss");
    }

    @Test
    void aSwitchGivesANewCableTheLowestFreePortNumber() {
        Switch sw = t.switchNamed("sw1");
        sw.addPort();
        sw.addPort();
        sw.addPort();

        sw.removeDevice("p2");

        assertThat(sw.addPort().name()).isEqualTo("p2");
        assertThat(sw.addPort().name()).isEqualTo("p4");
    }

    @Test
    void aNodeOrCableNoLongerInTheNetworkCannotBeRemovedTwice() {
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        Link l0 = t.connect(a, b);
        t.net.remove(a);

        assertThatThrownBy(() -> t.net.remove(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no node a in this network");
        assertThatThrownBy(() -> t.net.disconnect(l0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no link l0");
    }

    @Test
    void aRunWithRemovalsAndReAddsGivesTheSameEventLogEveryTime() {
        assertThat(runWithRemovals()).isEqualTo(runWithRemovals()).contains("\"reason\":\"cable removed\"");
    }

    private static String runWithRemovals() {
        TestNetwork n = new TestNetwork(7);
        StringWriter log = new StringWriter();
        n.net.trace().subscribe(new EventLogWriter(log));
        n.withLinks(new LinkParameters(10_000_000L, SimTime.millis(3), SimTime.millis(2), 0.05, 1500, 100));
        Host a = n.host("a", "10.0.0.1/24");
        Host b = n.host("b", "10.0.0.2/24");
        Switch sw = n.switchNamed("sw1");
        n.connect(a, sw);
        n.connect(b, sw);
        n.shell(a).execute("ping -i 0.01 10.0.0.2", code -> { });
        n.sim.runUntil(SimTime.micros(504_500));
        n.net.remove(b);
        n.sim.runUntil(SimTime.millis(700));
        Host again = new Host(n.net, "b", false);
        Udp.install(again);
        Tcp.install(again);
        SocketTable.install(again);
        again.addDevice("eth0");
        again.setAddress("eth0", Ipv4Prefix.parse("10.0.0.2/24"));
        n.connect(again.device("eth0"), sw.device("p2"));
        n.sim.runUntil(SimTime.seconds(2));
        n.net.disconnect(n.net.link("l0"));
        n.sim.runUntil(SimTime.seconds(3));
        return log.toString();
    }
}
