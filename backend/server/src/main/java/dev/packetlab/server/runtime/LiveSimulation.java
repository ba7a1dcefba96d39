package dev.packetlab.server.runtime;

import dev.packetlab.stack.app.Commands;
import dev.packetlab.stack.app.HostsFile;
import dev.packetlab.stack.app.ServiceCatalog;
import dev.packetlab.stack.app.Shell;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.check.CheckEvaluator;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LinkSpec;
import dev.packetlab.stack.lab.NodeSpec;
import dev.packetlab.stack.link.Hub;
import dev.packetlab.stack.link.Link;
import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.Ipv4Interface;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.wire.Dissection;
import dev.packetlab.stack.wire.Dissector;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One build of an instance's simulation and what the server keeps beside it: the nodes' shells, the capture, the
 * frames in flight and each terminal's recent text. It turns the simulation's trace into what watchers are told, makes topology edits in the
 * running network, and answers the views (snapshot, sockets, packets).
 *
 * <p>It knows nothing of time on the wall clock, the command log or replay: {@link LabSession} drives it, on the
 * instance's mailbox thread only, and throws it away for a new build when the instance is rebuilt (after eviction,
 * or going back in time).
 */
final class LiveSimulation implements TraceListener {
    /** Recent terminal text kept per node for a client that connects later. */
    static final int SCROLLBACK = 16 * 1024;
    /**
     * MAC addresses moving between a switch's ports this many times, between two throttlings, make a switching loop
     * the likely cause of the second: a host that changed cables moves once.
     */
    static final long LOOP_MOVES = 100;
    private static final HexFormat HEX = HexFormat.of();

    private final LabInstance instance;
    private final Map<String, Shell> shells = new LinkedHashMap<>();
    private final PacketStore packets;
    private final FlightTracker flights;
    private final Map<String, StringBuilder> scrollback = new HashMap<>();
    /** The session's watchers (the same list, not a copy): who hears what happens. */
    private final List<SessionObserver> observers;
    /** Hears every terminal output before watchers do (the session's jobs collect their output from it). */
    private final Consumer<TraceEvent.TerminalOutput> terminalOutput;
    /** Events already added to the server-wide count. */
    private long counted;
    /** Per switch, the times a MAC address moved to another of its ports since {@link #clearMacMoves()}. */
    private final Map<String, Long> macMoves = new TreeMap<>();
    private final TraceListener tcpVariables = this::forward;
    private boolean watchingTcp;
    /** Every socket's state changes and TCP variables since the start, for a page opened late. */
    private final SocketHistory socketHistory = new SocketHistory();

    private LiveSimulation(LabInstance instance, long captureBytes, List<SessionObserver> observers,
                           Consumer<TraceEvent.TerminalOutput> terminalOutput) {
        this.instance = instance;
        this.packets = new PacketStore(captureBytes);
        this.flights = new FlightTracker(instance.network());
        this.observers = observers;
        this.terminalOutput = terminalOutput;
    }

    /**
     * Builds the lab's simulation at time zero.
     *
     * @param observers      the session's watchers, told about events as they happen
     * @param terminalOutput hears each terminal output first
     */
    private CheckEvaluator checks;

    static LiveSimulation build(String fileName, Lab lab, long seed, List<TraceListener> extraListeners,
                                long captureBytes, List<SessionObserver> observers,
                                Consumer<TraceEvent.TerminalOutput> terminalOutput) {
        LabInstance instance = LabBuilder.build(fileName, lab, seed, extraListeners);
        LiveSimulation l = new LiveSimulation(instance, captureBytes, observers, terminalOutput);
        for (Node n : instance.network().nodes()) l.shells.put(n.name(), instance.shell(n.name()));
        // everything but the TCP variables, which only watchers need and nearly every segment changes
        instance.network().trace().subscribe(l, Arrays.stream(Trace.Kind.values())
                .filter(k -> k != Trace.Kind.TCP_VARIABLES).toArray(Trace.Kind[]::new));
        if (!observers.isEmpty()) l.watchTcpVariables(true);
        instance.network().trace().subscribe(l.socketHistory, Trace.Kind.SOCKET_STATE, Trace.Kind.TCP_VARIABLES);
        // the lab's step checks, judged live over the same trace; verdicts go to every watcher as they change
        l.checks = CheckEvaluator.attach(lab, instance, (step, passed, why, whyKo) -> {
            CheckView v = new CheckView(step, passed, why, whyKo, instance.simulation().now());
            for (SessionObserver o : observers) o.check(v);
        });
        return l;
    }

    Simulation simulation() {
        return instance.simulation();
    }

    /** Every checked step's verdict on the run so far, by step; empty for a lab without checks. */
    List<CheckView> checks() {
        if (checks == null || !checks.hasChecks()) return List.of();
        return checks.results().stream()
                .map(r -> new CheckView(r.step(), r.passed(), r.why(), r.whyKo(), r.passed() ? r.at() : -1)).toList();
    }

    /** The built lab itself, for {@link LabSession#onEachBuild} hooks. */
    LabInstance instance() {
        return instance;
    }

    Trace trace() {
        return instance.network().trace();
    }

    Node node(String name) {
        return instance.network().node(name);
    }

    /** The shell of a node (null for one that was removed). */
    Shell shell(String node) {
        return shells.get(node);
    }

    /** The recent text of a node's terminal. */
    String scrollback(String node) {
        StringBuilder b = scrollback.get(node);
        return b == null ? "" : b.toString();
    }

    /** Whether a frame is on a wire now. */
    boolean inFlight() {
        return flights.inFlight(instance.simulation().now());
    }

    /** Events run since the last call: what to add to the server-wide count. */
    long uncountedEvents() {
        long n = instance.simulation().eventsExecuted();
        long added = n - counted;
        counted = n;
        return added;
    }

    /** Every socket's recorded state changes and TCP variables, of one node or (null) of every node. */
    SocketHistoryView socketHistory(String node) {
        return socketHistory.view(node, instance.simulation().now());
    }

    /** TCP variables are traced only while someone watches: nearly every segment changes them. */
    void watchTcpVariables(boolean on) {
        if (on == watchingTcp) return;
        watchingTcp = on;
        if (on) instance.network().trace().subscribe(tcpVariables, Trace.Kind.TCP_VARIABLES);
        else instance.network().trace().unsubscribe(tcpVariables);
    }

    // ==== the trace, to the capture and the watchers ================================================================

    @Override
    public void on(TraceEvent event) {
        switch (event) {
            case TraceEvent.FrameSent s -> {
                long number = packets.sent(s.time(), s.node(), s.device(), s.link(), s.frame());
                FlightTracker.Timing timing = flights.sent(number, s.time(), s.node(), s.device(), s.link(), s.frame());
                if (!observers.isEmpty()) {
                    Dissection d = Dissector.dissect(s.frame());
                    SessionObserver.FrameInfo info = new SessionObserver.FrameInfo(number,
                            timing == null ? null : timing.toNode(), timing == null ? null : timing.toDevice(),
                            timing == null ? s.time() : timing.leaves(), timing == null ? s.time() : timing.arrives(),
                            s.frame().length, d.protocol(), d.summary());
                    for (SessionObserver o : observers) o.event(event, info);
                }
                return;
            }
            case TraceEvent.FrameReceived r -> {
                long number = flights.arrived(r.link(), r.node(), r.device(), r.frame());
                packets.received(number, r.time(), r.node(), r.device(), r.link(), r.frame());
                forwardFrame(event, number);
                return;
            }
            case TraceEvent.FrameDropped d -> {
                long number = 0;
                if (d.device() != null && d.detail() != null && d.detail().startsWith("lost on ")) {
                    number = flights.arrived(d.detail().substring("lost on ".length()), d.node(), d.device(), d.bytes());
                }
                forwardFrame(event, number);
                return;
            }
            case TraceEvent.TerminalOutput t -> terminal(t);
            case TraceEvent.MacTableChanged m -> {
                if (m.change() == TraceEvent.Change.UPDATED) macMoves.merge(m.node(), 1L, Long::sum);
            }
            default -> { }
        }
        forward(event);
    }

    private void forwardFrame(TraceEvent event, long number) {
        if (observers.isEmpty()) return;
        SessionObserver.FrameInfo info = new SessionObserver.FrameInfo(number, null, null, 0, 0, 0, null, null);
        for (SessionObserver o : observers) o.event(event, info);
    }

    private void forward(TraceEvent event) {
        if (observers.isEmpty()) return;
        for (SessionObserver o : observers) o.event(event, null);
    }

    private void terminal(TraceEvent.TerminalOutput t) {
        StringBuilder b = scrollback.computeIfAbsent(t.node(), k -> new StringBuilder());
        b.append(t.text());
        if (b.length() > SCROLLBACK) b.delete(0, b.length() - SCROLLBACK);
        terminalOutput.accept(t);
    }

    // ==== throttling =================================================================================================

    /** Forgets the MAC moves counted so far. */
    void clearMacMoves() {
        macMoves.clear();
    }

    /**
     * Why the instance has just been throttled, for a learner: a switching loop when a switch saw addresses move
     * between its ports {@link #LOOP_MOVES} times or more since the last throttling, else plain load. Starts counting
     * the moves afresh.
     */
    Throttling throttling(String resource, long limit) {
        String node = null;
        long moves = 0;
        for (Map.Entry<String, Long> e : macMoves.entrySet()) {
            if (e.getValue() > moves) {
                node = e.getKey();
                moves = e.getValue();
            }
        }
        macMoves.clear();
        long time = instance.simulation().now();
        String slowed = (resource.equals(Throttling.EVENTS) ? "this lab ran " + limit + " simulation events"
                : "this lab took " + limit + " ms of processor time") + " within a second, the most one lab may, so "
                + "its clock now goes only as fast as that allows";
        if (moves >= LOOP_MOVES) {
            return new Throttling(time, resource, limit, "switching-loop", node, moves, slowed + ". " + node + " saw MAC "
                    + "addresses move between its ports " + moves + " times: the switches are cabled in a loop, and "
                    + "every broadcast goes round it for ever (a broadcast storm; these switches run no spanning tree "
                    + "protocol). Remove a cable of the loop to end it.");
        }
        return new Throttling(time, resource, limit, "load", null, 0, slowed + ". Something sends a great many frames; "
                + "pause, or stop the command that sends them (Ctrl-C).");
    }

    // ==== topology edits in the running network =====================================================================

    /** Gives a running link the parameters and up/down state of its edited spec. */
    void setLink(LinkSpec spec) {
        Link link = instance.network().link(spec.name());
        link.setParameters(spec.parameters());
        link.setUp(spec.up());
    }

    /** A node of the edited lab, created in the running simulation with its addresses and routes. */
    void addNode(Lab lab, NodeSpec spec) {
        Network network = instance.network();
        Node node = switch (spec.kind()) {
            case HOST, SERVER -> withTransport(new Host(network, spec.id(), false));
            case ROUTER -> withTransport(new Host(network, spec.id(), true));
            case SWITCH -> new Switch(network, spec.id());
            case HUB -> new Hub(network, spec.id());
        };
        // as LabBuilder does, before the sysctls: the resolver defines net.dns.*; its servers are the node's dns:
        if (node instanceof Host h) StubResolver.install(h, spec.dns());
        for (NodeSpec.InterfaceSpec iface : spec.interfaces()) node.addDevice(iface.name());
        lab.sysctl().forEach((name, value) -> {
            if (node.sysctl().get(name) != null) node.sysctl().set(name, value);
        });
        spec.sysctl().forEach((name, value) -> node.sysctl().set(name, value));
        if (node instanceof Host host) {
            for (NodeSpec.InterfaceSpec iface : spec.interfaces()) {
                if (iface.ip() != null) host.setAddress(iface.name(), iface.ip());
            }
            if (spec.gateway() != null) host.addRoute(new Ipv4Prefix(Ipv4Address.ANY, 0), spec.gateway());
            for (NodeSpec.RouteSpec r : spec.routes()) host.addRoute(r.to(), r.via());
            HostsFile.installAll(network);
            spec.hosts().forEach(HostsFile.of(host)::add);
            if (!spec.services().isEmpty()) {
                ServiceCatalog.start(host, spec.services(), "nodes[" + lab.nodes().indexOf(spec) + "].services");
            }
        }
        shells.put(spec.id(), Commands.shellFor(node));
    }

    private static Host withTransport(Host host) {
        Udp.install(host);
        Tcp.install(host);
        SocketTable.install(host);
        return host;
    }

    /**
     * Gives a running node the interfaces, addresses, static routes, name servers, hosts lines and sysctls of its
     * edited spec: interfaces gone from it are taken off (with their routes and ARP entries; the edit was refused
     * while one had a cable), new ones are added, changed addresses are set (which replaces their connected routes and
     * flushes their ARP entries), every static route of the old spec is removed and those of the new one added, the
     * stub resolver gets the new servers (and flushes its cache when they differ), the hosts file loses the lines
     * the old spec wrote and gains the new ones, and each sysctl takes the new spec's value, or, gone from it, the
     * lab's or else its default, as {@code sysctl -w} would set them.
     */
    void reconfigure(Lab lab, NodeSpec before, NodeSpec after) {
        Node node = node(after.id());
        for (NodeSpec.InterfaceSpec iface : before.interfaces()) {
            if (after.interfaces().stream().noneMatch(i -> i.name().equals(iface.name()))) node.removeDevice(iface.name());
        }
        for (NodeSpec.InterfaceSpec iface : after.interfaces()) {
            if (node.device(iface.name()) == null) node.addDevice(iface.name());
        }
        before.sysctl().forEach((name, value) -> {
            if (after.sysctl().containsKey(name)) return;
            Sysctl.Tunable t = node.sysctl().get(name);
            String labWide = lab.sysctl().get(name);
            node.sysctl().set(name, labWide != null ? labWide : Long.toString(t.defaultValue()));
        });
        after.sysctl().forEach((name, value) -> node.sysctl().set(name, value));
        if (!(node instanceof Host host)) return;
        for (NodeSpec.InterfaceSpec iface : after.interfaces()) {
            NodeSpec.InterfaceSpec old = before.interfaces().stream().filter(i -> i.name().equals(iface.name()))
                    .findFirst().orElse(null);
            if (iface.ip() != null && (old == null || !iface.ip().equals(old.ip()))) {
                host.setAddress(iface.name(), iface.ip());
            }
        }
        Ipv4Prefix any = new Ipv4Prefix(Ipv4Address.ANY, 0);
        if (before.gateway() != null) host.routes().remove(any);
        for (NodeSpec.RouteSpec r : before.routes()) host.routes().remove(r.to());
        if (after.gateway() != null) host.addRoute(any, after.gateway());
        for (NodeSpec.RouteSpec r : after.routes()) host.addRoute(r.to(), r.via());
        StubResolver resolver = StubResolver.of(host);
        if (resolver != null) resolver.setServers(after.dns());
        HostsFile hosts = HostsFile.of(host);
        if (hosts != null) {
            // a line the old spec wrote goes unless the new one keeps it; a name that stood for a node keeps that
            before.hosts().forEach((name, address) -> {
                if (!address.equals(after.hosts().get(name)) && address.equals(hosts.lookup(name))) hosts.remove(name);
            });
            after.hosts().forEach((name, address) -> {
                if (!address.equals(before.hosts().get(name))) hosts.add(name, address);
            });
        }
    }

    /** Plugs a new cable in, giving a switch or hub the port it names. */
    void addLink(LinkSpec spec) {
        Network network = instance.network();
        NetDevice a = deviceFor(spec.aNode(), spec.aInterface());
        NetDevice b = deviceFor(spec.bNode(), spec.bInterface());
        Link link = network.connect(spec.name(), a, b, spec.parameters());
        link.setUp(spec.up());
    }

    private NetDevice deviceFor(String nodeName, String iface) {
        Node node = node(nodeName);
        NetDevice d = node.device(iface);
        return d != null ? d : node.addDevice(iface);
    }

    /**
     * Takes a cable out of the running simulation: the frames on it are dropped with their reason, both interfaces
     * are free for another cable, and a switch's or hub's port goes with it (a lab file's switch has the ports its
     * links name).
     */
    void removeLink(String name) {
        Network network = instance.network();
        Link link = network.link(name);
        network.disconnect(link);
        removePort(link.a());
        removePort(link.b());
    }

    /**
     * Takes a node out of the running simulation: its cables go (and the switch ports they used), its programs are
     * killed and its connections aborted, and its name is free at once for a new node.
     */
    void removeNode(String name) {
        Network network = instance.network();
        Node node = node(name);
        List<NetDevice> ports = new ArrayList<>();
        for (NetDevice d : node.devices()) if (d.link() != null) ports.add(d.link().peerOf(d));
        network.remove(node);
        for (NetDevice port : ports) removePort(port);
        shells.remove(name);
        scrollback.remove(name);
    }

    private static void removePort(NetDevice end) {
        if ((end.node() instanceof Switch || end.node() instanceof Hub) && !end.isRemoved()) {
            end.node().removeDevice(end.name());
        }
    }

    // ==== views ======================================================================================================

    /**
     * The whole state of the lab as {@code lab} describes it now, for a client that draws it from scratch, with the
     * lines being typed at its terminals.
     */
    Snapshot snapshot(String id, RunState state, Lab lab, Map<String, Snapshot.Editing> editing) {
        List<NodeView> nodes = new ArrayList<>();
        List<SocketView> sockets = new ArrayList<>();
        List<Snapshot.ArpRow> arp = new ArrayList<>();
        List<Snapshot.MacRow> mac = new ArrayList<>();
        List<Snapshot.RouteRow> routes = new ArrayList<>();
        Map<String, String> terminals = new LinkedHashMap<>();
        for (NodeSpec spec : lab.nodes()) {
            nodes.add(nodeView(spec));
            Node n = node(spec.id());
            sockets.addAll(socketsOf(n));
            if (n instanceof Host h) {
                for (var e : h.arp().entries()) {
                    arp.add(new Snapshot.ArpRow(spec.id(), e.address().toString(),
                            e.mac() == null ? null : e.mac().toString(), e.device(), e.expires()));
                }
                for (var r : h.routes().routes()) {
                    routes.add(new Snapshot.RouteRow(spec.id(), r.destination().network() + "/" + r.destination().length(),
                            r.via() == null ? null : r.via().toString(), r.iface().name(), r.origin().name()));
                }
            }
            if (n instanceof Switch s) {
                for (Switch.MacEntry e : s.macTable()) {
                    mac.add(new Snapshot.MacRow(spec.id(), e.mac().toString(), e.port(), e.expires()));
                }
            }
            StringBuilder b = scrollback.get(spec.id());
            terminals.put(spec.id(), b == null ? "" : b.toString());
        }
        List<LinkView> links = lab.links().stream().map(this::linkView).toList();
        return new Snapshot(id, state, nodes, links, sockets, arp, mac, routes, terminals, editing, packets.count(),
                checks());
    }

    NodeView nodeView(NodeSpec spec) {
        Node n = node(spec.id());
        List<NodeView.InterfaceView> ifaces = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            String ip = null;
            if (n instanceof Host h) {
                Ipv4Interface i = h.iface(d.name());
                if (i != null && i.address() != null) ip = i.address().toString();
            }
            ifaces.add(new NodeView.InterfaceView(d.name(), d.mac().toString(), ip, d.isUp(),
                    d.link() == null ? null : d.link().name()));
        }
        return new NodeView(spec.id(), spec.kind().word(), ifaces, spec.gateway() == null ? null : spec.gateway().toString());
    }

    LinkView linkView(LinkSpec spec) {
        Link link = instance.network().link(spec.name());
        var p = link.parameters();
        return new LinkView(spec.name(), spec.aNode() + ":" + spec.aInterface(), spec.bNode() + ":" + spec.bInterface(),
                p.bandwidth(), p.delay(), p.jitter(), p.loss(), p.mtu(), p.queueLimit(), link.isUp());
    }

    /** The TCP sockets of a node with their variables. */
    List<SocketView> sockets(String node) {
        return socketsOf(node(node));
    }

    private static List<SocketView> socketsOf(Node node) {
        if (!(node instanceof Host h)) return List.of();
        Tcp tcp = Tcp.of(h);
        if (tcp == null) return List.of();
        List<SocketView> result = new ArrayList<>();
        for (TcpConnection c : tcp.connections()) {
            result.add(new SocketView(node.name(), c.id(), "tcp", endpoint(c.localAddress(), c.localPort()),
                    endpoint(c.remoteAddress(), c.remotePort()), c.state().name(), c.iss(), c.irs(), c.sndUna(),
                    c.sndNxt(), c.sndWnd(), c.rcvNxt(), c.rcvWnd(), c.cwnd(), c.ssthresh(), c.srtt(), c.rttvar(), c.rto(),
                    c.mss(), c.sendQueue(), c.receiveQueue(), c.timerName(), c.timerRemaining(),
                    c.retransmittedSegments()));
        }
        return result;
    }

    private static String endpoint(Ipv4Address a, int port) {
        return (a == null ? "0.0.0.0" : a.toString()) + ":" + port;
    }

    /** One page of the packets {@code query} selects. */
    PacketPage packets(PacketQuery query, int page, int size) {
        List<CapturedFrame> selected = packets.packets(f -> selects(query, f));
        int from = (int) Math.min(selected.size(), (long) page * size);
        int to = Math.min(selected.size(), from + size);
        List<PacketRow> rows = new ArrayList<>();
        for (CapturedFrame f : selected.subList(from, to)) rows.add(row(f, Dissector.dissect(f.frame())));
        return new PacketPage(selected.size(), page, size, packets.firstKept(), rows);
    }

    /**
     * One packet taken apart, with its bytes.
     *
     * @throws NotFoundException for a number never used, or no longer kept
     */
    PacketDetail packet(long number) {
        CapturedFrame f = packets.packet(number);
        if (f == null) {
            throw new NotFoundException("packet", Long.toString(number), number >= 1 && number < packets.firstKept()
                    ? " (no longer kept: the capture keeps the newest " + packets.capacity() / 1024 + " KiB)"
                    : "");
        }
        Dissection d = Dissector.dissect(f.frame());
        return new PacketDetail(row(f, d), d.layers(), d.problem() == null ? null : d.problem().reason(),
                HEX.formatHex(f.frame()));
    }

    /** Everything put on any link (both null), what one node sent and received, or what crossed one link. */
    List<CapturedFrame> capture(String node, String link) {
        if (node != null) return packets.frames(f -> f.node().equals(node));
        if (link != null) return packets.packets(f -> f.link().equals(link));
        return packets.packets(f -> true);
    }

    private boolean selects(PacketQuery q, CapturedFrame f) {
        if (q.link() != null && !q.link().equals(f.link())) return false;
        if (q.node() != null) {
            Link link = instance.network().link(f.link());
            if (link == null || !(link.a().node().name().equals(q.node()) || link.b().node().name().equals(q.node()))) {
                return false;
            }
        }
        return !q.needsDissection() || q.matches(Dissector.dissect(f.frame()));
    }

    private static PacketRow row(CapturedFrame f, Dissection d) {
        return new PacketRow(f.number(), f.time(), f.node(), f.device(), f.link(), d.protocol(), d.source(),
                d.destination(), f.frame().length, d.summary());
    }
}
