package dev.packetlab.stack.testing;

import dev.packetlab.stack.app.Commands;
import dev.packetlab.stack.app.Shell;
import dev.packetlab.stack.link.Hub;
import dev.packetlab.stack.link.Link;
import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small topology built in code for tests, with every trace event recorded and every frame put on a wire checked
 * for correct checksums (CONFORMANCE 9): a test that makes the stack emit a bad checksum fails in {@link #close()}.
 */
public final class TestNetwork implements AutoCloseable {
    public final Simulation sim;
    public final Network net;
    public final List<TraceEvent> events = new ArrayList<>();
    private final List<String> checksumErrors = new ArrayList<>();
    private final java.util.Set<byte[]> injected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<String, Shell> shells = new HashMap<>();
    private final Map<String, Udp> udp = new HashMap<>();
    private LinkParameters linkParameters = new LinkParameters(100_000_000L, SimTime.millis(1), 0, 0.0, 1500, 100);
    private int links;

    public TestNetwork() {
        this(1);
    }

    public TestNetwork(long seed) {
        sim = new Simulation(seed);
        net = new Network(sim);
        net.trace().subscribe(events::add);
        net.trace().subscribe(e -> {
            if (e instanceof TraceEvent.FrameSent s && !injected.contains(s.frame())) {
                String problem = Frames.checksumProblem(s.frame());
                if (problem != null) checksumErrors.add(s.node() + ":" + s.device() + " sent " + problem);
            }
        }, dev.packetlab.stack.trace.Trace.Kind.FRAME_SENT);
    }

    /** Puts a hand-made (possibly deliberately broken) frame on {@code device}'s wire, exempt from the checksum check. */
    public void inject(NetDevice device, byte[] frame) {
        injected.add(frame);
        device.send(frame);
    }

    /** Parameters for the links created from now on. */
    public TestNetwork withLinks(LinkParameters p) {
        this.linkParameters = p;
        return this;
    }

    /** A host with one interface eth0 at {@code address} ("192.168.1.10/24") and an optional gateway. */
    public Host host(String name, String address, String gateway) {
        Host h = new Host(net, name, false);
        udp.put(name, Udp.install(h));
        Tcp.install(h);
        h.addDevice("eth0");
        h.setAddress("eth0", Ipv4Prefix.parse(address));
        if (gateway != null) h.addRoute(new Ipv4Prefix(Ipv4Address.ANY, 0), Ipv4Address.parse(gateway));
        SocketTable.install(h);
        return h;
    }

    public Host host(String name, String address) {
        return host(name, address, null);
    }

    /** A router with interfaces eth0, eth1… at the given addresses. */
    public Host router(String name, String... addresses) {
        Host r = new Host(net, name, true);
        udp.put(name, Udp.install(r));
        Tcp.install(r);
        for (int i = 0; i < addresses.length; i++) {
            r.addDevice("eth" + i);
            r.setAddress("eth" + i, Ipv4Prefix.parse(addresses[i]));
        }
        SocketTable.install(r);
        return r;
    }

    /** The socket table of a host or router. */
    public SocketTable sockets(Host host) {
        return SocketTable.of(host);
    }

    /** The TCP layer of a host or router. */
    public Tcp tcp(Host host) {
        return Tcp.of(host);
    }

    /** The UDP layer of a host or router. */
    public Udp udp(Host host) {
        return udp.get(host.name());
    }

    public Switch switchNamed(String name) {
        return new Switch(net, name);
    }

    public Hub hub(String name) {
        return new Hub(net, name);
    }

    /** Connects two nodes: hosts and routers use their next interface without a cable, switches and hubs a new port. */
    public Link connect(Node a, Node b) {
        return net.connect("l" + links++, endOf(a), endOf(b), linkParameters);
    }

    public Link connect(NetDevice a, NetDevice b) {
        return net.connect("l" + links++, a, b, linkParameters);
    }

    private static NetDevice endOf(Node n) {
        if (n instanceof Switch s) return s.addPort();
        if (n instanceof Hub h) return h.addPort();
        for (NetDevice d : n.devices()) if (d.link() == null) return d;
        throw new IllegalStateException(n.name() + " has no free interface");
    }

    public Shell shell(Node node) {
        return shells.computeIfAbsent(node.name(), k -> Commands.shellFor(node));
    }

    /** Runs a command on {@code node} until it exits (at most 10 simulated minutes); returns what it printed. */
    public String run(Node node, String command) {
        int before = events.size();
        int[] exit = {Integer.MIN_VALUE};
        shell(node).execute(command, code -> exit[0] = code);
        sim.runWhile(() -> exit[0] == Integer.MIN_VALUE, sim.now() + SimTime.seconds(600));
        if (exit[0] == Integer.MIN_VALUE) throw new AssertionError("\"" + command + "\" did not finish on " + node.name());
        lastExitCode = exit[0];
        return terminalOutput(node.name(), before);
    }

    public int lastExitCode;

    /**
     * Starts {@code command} on {@code node} as a script's {@code node: command &} does and lets it start (10 ms).
     *
     * @return its exit code in the one slot, {@link Integer#MIN_VALUE} while it runs
     */
    public int[] background(Node node, String command) {
        int[] exit = {Integer.MIN_VALUE};
        shell(node).execute(command, true, code -> exit[0] = code);
        advance(10);
        return exit;
    }

    /** Runs the simulation for {@code millis} simulated milliseconds. */
    public void advance(long millis) {
        sim.runUntil(sim.now() + SimTime.millis(millis));
    }

    /** When a socket of {@code node} first entered {@code state} (a TCP state name such as "TIME_WAIT"). */
    public long timeOfState(String node, String state) {
        return events(TraceEvent.SocketStateChanged.class).stream()
                .filter(e -> e.node().equals(node) && e.to().equals(state)).findFirst().orElseThrow().time();
    }

    /** What {@code node}'s terminal printed since event index {@code from}, without the prompt line. */
    public String terminalOutput(String node, int from) {
        StringBuilder s = new StringBuilder();
        for (TraceEvent e : events.subList(from, events.size())) {
            if (e instanceof TraceEvent.TerminalOutput t && t.node().equals(node)) s.append(t.text());
        }
        String text = s.toString();
        int firstLine = text.indexOf('\n');
        return text.startsWith("$ ") && firstLine >= 0 ? text.substring(firstLine + 1) : text;
    }

    public <T extends TraceEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Frames put on the wire by {@code node}. */
    public List<TraceEvent.FrameSent> sentBy(String node) {
        return events(TraceEvent.FrameSent.class).stream().filter(e -> e.node().equals(node)).toList();
    }

    /** Frames received by {@code node}. */
    public List<TraceEvent.FrameReceived> receivedBy(String node) {
        return events(TraceEvent.FrameReceived.class).stream().filter(e -> e.node().equals(node)).toList();
    }

    public List<TraceEvent.FrameDropped> drops() {
        return events(TraceEvent.FrameDropped.class);
    }

    @Override
    public void close() {
        if (!checksumErrors.isEmpty()) throw new AssertionError("frames with bad checksums: " + checksumErrors);
    }
}
