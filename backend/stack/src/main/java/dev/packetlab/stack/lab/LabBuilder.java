package dev.packetlab.stack.lab;

import dev.packetlab.stack.app.HostsFile;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.lab.NodeSpec.RouteSpec;
import dev.packetlab.stack.link.Hub;
import dev.packetlab.stack.link.Link;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.TraceListener;
import dev.packetlab.stack.app.ServiceCatalog;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a running {@link LabInstance} from a validated {@link Lab}. */
public final class LabBuilder {
    private LabBuilder() {}

    /** Builds the lab with its own seed. */
    public static LabInstance build(String fileName, Lab lab) {
        return build(fileName, lab, lab.seed(), List.of());
    }

    /**
     * Builds the lab on a simulation with {@code seed}; {@code listeners} are subscribed to the trace before the
     * first node exists, so they see every event, the initial routes included.
     *
     * @throws LabException when a sysctl named in the lab does not exist or its value does not fit
     */
    public static LabInstance build(String fileName, Lab lab, long seed, List<TraceListener> listeners) {
        Network network = new Network(new Simulation(seed));
        for (TraceListener l : listeners) network.trace().subscribe(l);
        List<LabError> errors = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            NodeSpec spec = lab.nodes().get(i);
            Node node = switch (spec.kind()) {
                case HOST, SERVER -> withTransport(new Host(network, spec.id(), false));
                case ROUTER -> withTransport(new Host(network, spec.id(), true));
                case SWITCH -> new Switch(network, spec.id());
                case HUB -> new Hub(network, spec.id());
            };
            // before the sysctls: the resolver defines net.dns.*; its servers are the node's dns: (resolv.conf)
            if (node instanceof Host h) StubResolver.install(h, spec.dns());
            for (InterfaceSpec iface : spec.interfaces()) node.addDevice(iface.name());
            applySysctl(node, lab.sysctl(), "sysctl", errors);
            applySysctl(node, spec.sysctl(), "nodes[" + i + "].sysctl", errors);
        }
        for (LinkSpec l : lab.links()) {
            Link link = network.connect(l.name(), network.node(l.aNode()).device(l.aInterface()),
                    network.node(l.bNode()).device(l.bInterface()), l.parameters());
            link.setUp(l.up());
        }
        for (NodeSpec spec : lab.nodes()) {
            if (!(network.node(spec.id()) instanceof Host host)) continue;
            for (InterfaceSpec iface : spec.interfaces()) {
                if (iface.ip() != null) host.setAddress(iface.name(), iface.ip());
            }
            if (spec.gateway() != null) host.addRoute(new Ipv4Prefix(Ipv4Address.ANY, 0), spec.gateway());
            for (RouteSpec r : spec.routes()) host.addRoute(r.to(), r.via());
        }
        HostsFile.installAll(network); // every node's name, so that "nc srv 8888" works before DNS does
        for (NodeSpec spec : lab.nodes()) {
            HostsFile hosts = HostsFile.of(network.node(spec.id()));
            if (hosts != null) spec.hosts().forEach(hosts::add);
        }
        for (int i = 0; i < lab.nodes().size(); i++) {
            NodeSpec spec = lab.nodes().get(i);
            if (!(network.node(spec.id()) instanceof Host host) || spec.services().isEmpty()) continue;
            for (String e : ServiceCatalog.start(host, spec.services(), "nodes[" + i + "].services")) {
                int colon = e.indexOf(": ");
                errors.add(new LabError(e.substring(0, colon), e.substring(colon + 2)));
            }
        }
        for (String name : lab.sysctl().keySet()) {
            if (network.nodes().stream().noneMatch(n -> n.sysctl().get(name) != null)) {
                errors.add(new LabError("sysctl." + name, "no node of this lab has a sysctl named \"" + name
                        + "\" (sysctl on a node lists them)"));
            }
        }
        if (!errors.isEmpty()) throw new LabException(fileName, errors);
        return new LabInstance(network);
    }

    /** Installs the transport layers above IPv4 and the socket table programs use. */
    private static Host withTransport(Host host) {
        Udp.install(host);
        Tcp.install(host);
        SocketTable.install(host);
        return host;
    }

    /** Lab-wide sysctls apply to every node that has them; a node's own must all exist on it. */
    private static void applySysctl(Node node, Map<String, String> values, String path, List<LabError> errors) {
        boolean labWide = path.equals("sysctl");
        values.forEach((name, value) -> {
            if (labWide && node.sysctl().get(name) == null) return;
            try {
                node.sysctl().set(name, value);
            } catch (IllegalArgumentException e) {
                errors.add(new LabError(path + "." + name, e.getMessage() + " on " + node.name()));
            }
        });
    }
}
