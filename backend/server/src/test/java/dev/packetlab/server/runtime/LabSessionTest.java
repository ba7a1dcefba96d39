package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.runtime.LabSession.Control;
import dev.packetlab.server.runtime.LabSession.Control.Action;
import dev.packetlab.server.runtime.RunState.Mode;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.TraceListener;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LabSessionTest {
    static final String LAB = """
            id: two-hosts
            title: {en: "Two hosts", ko: "두 호스트"}
            seed: 7
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
              - {id: srv, kind: server, ip: 10.0.0.2/24}
              - {id: sw1, kind: switch}
            links:
              - {a: pc1, b: sw1, bandwidth: 100Mbps, delay: 1ms}
              - {a: srv, b: sw1, bandwidth: 100Mbps, delay: 1ms}
            """;
    static final String PC1_LINK = "pc1:eth0-sw1:p1";

    /** A wall clock the test moves by hand. */
    final AtomicLong wall = new AtomicLong(1_000_000_000L);
    final SessionScheduler scheduler = new SessionScheduler(2, wall::get);
    /** One event log per build of the instance: the first build, then each rebuild. */
    final List<StringWriter> logs = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    LabSession session() {
        return LabSession.create("test", "two-hosts.yaml", LAB, null, scheduler, LabSession.Settings.DEFAULT, () -> {
            StringWriter w = new StringWriter();
            logs.add(w);
            return List.<TraceListener>of(new EventLogWriter(w));
        });
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    /**
     * srv serves one line and closes first; pc1 connects and reads it: handshake, data, FIN both ways, and 100 ms
     * later srv's socket sits in TIME_WAIT with nothing on the wire.
     */
    static void connect(LabSession s) throws Exception {
        await(s.execute("srv", "echo hello | nc -l 8888", true, false));
        JobView client = await(s.execute("pc1", "nc srv 8888", false, true));
        assertThat(client.running()).isFalse();
        await(s.control(new Control(Action.ADVANCE, null, null, SimTime.millis(100))));
    }

    @Test
    void aCommandRunUntilExitReturnsItsOutputWithoutTheEchoedCommandLine() throws Exception {
        LabSession s = session();
        await(s.execute("srv", "echo hello | nc -l 8888", true, false));
        JobView client = await(s.execute("pc1", "nc srv 8888", false, true));
        assertThat(client.exitCode()).isZero();
        assertThat(client.output()).isEqualTo("hello\n");
        assertThat(client.line()).isEqualTo("nc srv 8888");
    }

    @Test
    void runUntilIdleRunsThroughTimeWaitAndPauses() throws Exception {
        LabSession s = session();
        connect(s);
        assertThat(await(s.sockets("srv"))).extracting(SocketView::state).contains("TIME_WAIT");
        RunState state = await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));
        assertThat(state.mode()).isEqualTo(Mode.PAUSED);
        assertThat(state.pending()).isZero();
        assertThat(state.time()).isGreaterThan(SimTime.seconds(60));
        assertThat(await(s.sockets("srv"))).isEmpty();
    }

    @Test
    void anEvictedInstanceIsRebuiltByReplayToAByteIdenticalEventLog() throws Exception {
        LabSession s = session();
        connect(s);
        await(s.line("srv", "netstat -ant"));
        await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));
        RunState before = await(s.runState());

        assertThat(await(s.evict())).isTrue();
        assertThat(await(s.resident())).isFalse();
        RunState after = await(s.runState()); // any use rebuilds it

        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).toString()).contains("TIME_WAIT").isNotEmpty();
        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
        assertThat(after.time()).isEqualTo(before.time());
        assertThat(after.events()).isEqualTo(before.events());
    }

    @Test
    void aLineTypedBetweenTwoEventsOfTheSameInstantIsReplayedBetweenTheSameTwo() throws Exception {
        LabSession s = session();
        await(s.execute("pc1", "ping -c 2 10.0.0.2", true, false));
        for (int i = 0; i < 7; i++) await(s.control(new Control(Action.STEP, null, null, null)));
        await(s.line("pc1", "arp -n"));
        await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));

        await(s.evict());
        await(s.runState());

        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
    }

    @Test
    void goingBackInTimeShowsTheStateThenAndPlaysTheRecordingOnToTheSameEnd() throws Exception {
        LabSession s = session();
        await(s.control(new Control(Action.ADVANCE, null, null, SimTime.seconds(1))));
        connect(s);
        await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));
        String original = logs.get(0).toString();

        RunState back = await(s.control(new Control(Action.SEEK, null, null, 0L)));

        assertThat(back.time()).isZero();
        assertThat(back.replay()).isEqualTo(2);
        assertThat(await(s.sockets("srv"))).isEmpty();
        RunState end = await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));
        assertThat(end.replay()).isZero();
        assertThat(logs.get(1).toString()).isEqualTo(original);
    }

    @Test
    void anOwnActionAfterGoingBackDiscardsTheRestOfTheRecording() throws Exception {
        LabSession s = session();
        await(s.control(new Control(Action.ADVANCE, null, null, SimTime.seconds(1))));
        connect(s);
        await(s.control(new Control(Action.SEEK, null, null, 0L)));

        await(s.line("pc1", "echo mine"));

        LabRecord record = await(s.record());
        assertThat(record.log()).hasSize(1);
        assertThat(record.log().getFirst()).isEqualTo(new LogEntry.Line(0, 0, "pc1", "echo mine"));
        assertThat(await(s.runState()).replay()).isZero();
    }

    @Test
    void playingAdvancesSimulatedTimeByTheWallClockTimesTheSpeed() throws Exception {
        LabSession s = session();
        await(s.control(new Control(Action.PLAY, 0.001, false, null)));

        wall.addAndGet(SimTime.seconds(2));

        RunState state = await(s.runState());
        assertThat(state.mode()).isEqualTo(Mode.PLAYING);
        assertThat(state.time()).isEqualTo(SimTime.millis(2));
    }

    @Test
    void skipIdleJumpsOverTimeWaitWhenNothingIsOnTheWire() throws Exception {
        LabSession s = session();
        connect(s);
        long closedAt = await(s.runState()).time();

        await(s.control(new Control(Action.PLAY, 1.0, true, null)));
        RunState state = await(s.runState());

        // the wall clock did not move, yet the 60 s of TIME_WAIT are over
        assertThat(state.time()).isGreaterThanOrEqualTo(closedAt + SimTime.seconds(60));
        assertThat(await(s.sockets("srv"))).isEmpty();
        assertThat(state.mode()).isEqualTo(Mode.PLAYING);
    }

    @Test
    void skipIdleDoesNotJumpWhileAFrameIsOnTheWire() throws Exception {
        LabSession s = session();
        await(s.control(new Control(Action.PLAY, 1.0, true, null)));

        await(s.line("pc1", "ping -c 1 10.0.0.2")); // the ARP request leaves at once and takes over 1 ms
        RunState state = await(s.runState());

        assertThat(state.time()).isZero();
        assertThat(await(s.packets(PacketQuery.ALL, 0, 10)).packets()).extracting(PacketRow::protocol)
                .containsExactly("ARP");
    }

    @Test
    void stepFrameStopsRightAfterTheNextTransmission() throws Exception {
        LabSession s = session();
        await(s.line("pc1", "ping -c 1 10.0.0.2"));
        await(s.control(new Control(Action.STEP_FRAME, null, null, null)));
        RunState second = await(s.control(new Control(Action.STEP_FRAME, null, null, null)));

        PacketPage page = await(s.packets(PacketQuery.ALL, 0, 10));
        // the ARP request left pc1 with the command; sw1 floods it; srv answers
        assertThat(page.packets()).extracting(PacketRow::node).containsExactly("pc1", "sw1", "srv");
        assertThat(second.time()).isEqualTo(page.packets().get(2).time());
    }

    @Test
    void aLinkEditChangesTheDelayOfTheNextFrame() throws Exception {
        LabSession s = session();
        LinkView link = await(s.setLink(PC1_LINK, Map.of("delay", "20ms")));
        assertThat(link.delay()).isEqualTo(SimTime.millis(20));

        await(s.execute("pc1", "ping -c 1 10.0.0.2", false, true));

        PacketPage page = await(s.packets(new PacketQuery(null, null, "arp", null, null), 0, 10));
        // the request leaves pc1 at 0 and sw1 floods it once it has arrived: 20 ms plus 60 bytes at 100 Mbps later
        assertThat(page.packets().get(1).time()).isEqualTo(SimTime.millis(20) + 4_800);
        assertThat(await(s.labFile())).contains("delay: \"20ms\"");
    }

    @Test
    void aBadLinkEditIsRefusedInTheWordsOfTheLabFile() throws Exception {
        LabSession s = session();
        assertThatThrownBy(() -> await(s.setLink(PC1_LINK, Map.of("delay", "soon"))))
                .hasCauseInstanceOf(LabException.class)
                .cause().hasMessageContaining("links[0].delay: expected a duration");
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void unpluggingALinkDropsWhatIsSentAcrossIt() throws Exception {
        LabSession s = session();
        await(s.setLink(PC1_LINK, Map.of("up", false)));
        JobView ping = await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", false, true));
        assertThat(ping.exitCode()).isNotZero();
        assertThat(await(s.packets(PacketQuery.ALL, 0, 10)).packets()).isEmpty();
    }

    @Test
    void anAddedNodeGetsItsAddressAndAShellAndARemovedNodeIsGone() throws Exception {
        LabSession s = session();
        NodeView pc3 = await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24")));
        assertThat(pc3.interfaces()).extracting(NodeView.InterfaceView::ip).containsExactly("10.0.0.3/24");
        assertThat(await(s.execute("pc3", "ip addr", false, true)).output()).contains("10.0.0.3/24");

        await(s.removeNode("srv"));

        Snapshot snap = await(s.snapshot());
        assertThat(snap.nodes()).extracting(NodeView::id).containsExactly("pc1", "sw1", "pc3");
        assertThat(snap.links()).extracting(LinkView::name).containsExactly(PC1_LINK);
        assertThatThrownBy(() -> await(s.line("srv", "ls"))).hasCauseInstanceOf(NotFoundException.class);
        assertThat(await(s.labFile())).doesNotContain("srv");
    }

    @Test
    void anAddedNodeCabledToTheSwitchAnswersAPing() throws Exception {
        LabSession s = session();
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24")));

        LinkView link = await(s.addLink(Map.of("a", "pc3", "b", "sw1", "delay", "2ms")));

        assertThat(link.name()).isEqualTo("pc3:eth0-sw1:p3");
        JobView ping = await(s.execute("pc1", "ping -c 1 pc3", false, true));
        assertThat(ping.exitCode()).isZero();
        assertThat(ping.output()).contains("1 packets transmitted, 1 received");
    }

    @Test
    void aRemovedCableTakesItsFramesAwayAndItsSwitchPortIsTheNextOneUsed() throws Exception {
        LabSession s = session();
        await(s.removeLink("srv:eth0-sw1:p2"));
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", false, true)).exitCode()).isNotZero();
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24")));

        LinkView link = await(s.addLink(Map.of("a", "pc3", "b", "sw1")));

        assertThat(link.name()).isEqualTo("pc3:eth0-sw1:p2");
        assertThat(await(s.snapshot()).links()).extracting(LinkView::name).containsExactly(PC1_LINK, "pc3:eth0-sw1:p2");
    }

    @Test
    void aNewAddressMovesTheServer() throws Exception {
        LabSession s = session();
        NodeView srv = await(s.setNode("srv", Map.of("ip", "10.0.0.9/24")));

        assertThat(srv.interfaces()).extracting(NodeView.InterfaceView::ip).containsExactly("10.0.0.9/24");
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.9", false, true)).exitCode()).isZero();
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", false, true)).exitCode()).isNotZero();
        assertThat(await(s.labFile())).contains("ip: \"10.0.0.9/24\"");
    }

    @Test
    void aGatewayAndRoutesCanBeSetAndTakenAway() throws Exception {
        LabSession s = session();
        java.util.HashMap<String, Object> set = new java.util.HashMap<>();
        set.put("gateway", "10.0.0.2");
        set.put("routes", java.util.List.of(Map.of("to", "172.16.0.0/16", "via", "10.0.0.2")));
        await(s.setNode("pc1", set));
        assertThat(await(s.snapshot()).routes()).filteredOn(r -> r.node().equals("pc1"))
                .extracting(Snapshot.RouteRow::destination).containsExactlyInAnyOrder("10.0.0.0/24", "0.0.0.0/0", "172.16.0.0/16");

        set.put("gateway", null);
        set.put("routes", null);
        await(s.setNode("pc1", set));

        assertThat(await(s.snapshot()).routes()).filteredOn(r -> r.node().equals("pc1"))
                .extracting(Snapshot.RouteRow::destination).containsExactly("10.0.0.0/24");
    }

    @Test
    void aNodeEditIsRefusedInTheWordsOfTheLabFile() throws Exception {
        LabSession s = session();
        assertThatThrownBy(() -> await(s.setNode("pc1", Map.of("gateway", "192.168.0.1"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].gateway: 192.168.0.1 is not on any subnet of pc1");
        assertThatThrownBy(() -> await(s.setNode("pc1", Map.of("kind", "router"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].kind: cannot change while the lab runs");
    }

    @Test
    void anEditedInstanceIsRebuiltWithItsEdits() throws Exception {
        LabSession s = session();
        await(s.setLink(PC1_LINK, Map.of("delay", "5ms")));
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24")));
        await(s.addLink(Map.of("a", "pc3", "b", "sw1")));
        await(s.execute("pc1", "ping -c 1 pc3", false, true));
        await(s.removeLink("pc3:eth0-sw1:p3"));
        await(s.setNode("srv", Map.of("ip", "10.0.0.9/24", "gateway", "10.0.0.1")));
        await(s.execute("pc1", "ping -c 1 10.0.0.9", false, true));
        await(s.execute("pc1", "ping -c 1 10.0.0.2", false, true));
        await(s.removeNode("srv"));
        String lab = await(s.labFile());

        await(s.evict());

        assertThat(await(s.labFile())).isEqualTo(lab);
        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
    }

    @Test
    void aRecordRestoresTheInstanceElsewhere() throws Exception {
        LabSession s = session();
        connect(s);
        LabRecord record = await(s.record());

        LabSession copy = LabSession.restore("copy", record, scheduler, LabSession.Settings.DEFAULT, List::of);

        assertThat(await(copy.sockets("srv"))).extracting(SocketView::state).containsExactly("TIME_WAIT");
        assertThat(await(copy.runState()).time()).isEqualTo(record.time());
    }

    @Test
    void aUserTypingFasterThanTheLimitIsRefusedUntilTheBucketRefills() throws Exception {
        LabSession s = LabSession.create("limited", "two-hosts.yaml", LAB, null, scheduler,
                new LabSession.Settings(1 << 20, 64, 128, 3, 200_000, 250_000_000L), List::of);
        for (int i = 0; i < 3; i++) await(s.line("pc1", "echo " + i));

        assertThatThrownBy(() -> await(s.line("pc1", "echo 3"))).cause()
                .isInstanceOf(LabSession.TooManyInputsException.class)
                .hasMessage("more than 3 inputs per second to one instance; slow down");

        wall.addAndGet(SimTime.seconds(1));
        await(s.line("pc1", "echo 4"));
        assertThat(await(s.record()).log()).hasSize(4);
    }

    @Test
    void aLabLargerThanAnInstanceMayBeIsRefusedInLabFileWords() {
        assertThatThrownBy(() -> LabSession.create("big", "two-hosts.yaml", LAB, null, scheduler,
                new LabSession.Settings(1 << 20, 2, 128, 50, 200_000, 250_000_000L), List::of))
                .isInstanceOf(LabException.class)
                .hasMessage("two-hosts.yaml: nodes: 3 nodes; an instance takes at most 2");
    }

    @Test
    void aNodeBeyondTheLimitCannotBeAdded() throws Exception {
        LabSession s = LabSession.create("full", "two-hosts.yaml", LAB, null, scheduler,
                new LabSession.Settings(1 << 20, 3, 128, 50, 200_000, 250_000_000L), List::of);
        assertThatThrownBy(() -> await(s.addNode(Map.of("id", "pc3", "kind", "host")))).cause()
                .isInstanceOf(LabException.class).hasMessageContaining("nodes: 4 nodes; an instance takes at most 3");
    }
}
