package dev.packetlab.bench;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * The star of W3 and W4, as ns3-baseline/src/star.h builds it: K clients and one server, each on its own
 * 100 Mbit/s, 1 ms, 100-packet DropTail cable to one router, a /30 per cable (10.0.0.0/30 for the server). Every
 * client and the server run UDP and the baseline's TCP ({@link TcpModel}), with a socket table each.
 */
final class Star {
    static final LinkParameters CABLE = new LinkParameters(100_000_000L, SimTime.millis(1), 0, 0.0, 1500, 100);

    final Simulation simulation;
    final Network network;
    final Host server;
    final Ipv4Address serverAddress;
    final List<Host> clients = new ArrayList<>();

    Star(int k, long seed) {
        simulation = new Simulation(seed);
        network = new Network(simulation);
        Host router = new Host(network, "router", true);
        server = host("server");
        serverAddress = cable(server, router, 0);
        for (int i = 0; i < k; i++) {
            Host client = host("client" + i);
            cable(client, router, i + 1);
            clients.add(client);
        }
    }

    private Host host(String name) {
        Host h = new Host(network, name, false);
        Udp.install(h);
        TcpModel.install(h);
        h.addDevice("eth0");
        return h;
    }

    /** Cables {@code host} to the router on the {@code index}-th /30; returns the host's address. */
    private Ipv4Address cable(Host host, Host router, int index) {
        int base = 0x0a000000 + index * 4; // 10.0.0.0 + 4·index
        String device = "eth" + index;
        router.addDevice(device);
        Ipv4Address hostAddress = new Ipv4Address(base + 1);
        Ipv4Address routerAddress = new Ipv4Address(base + 2);
        host.setAddress("eth0", new Ipv4Prefix(hostAddress, 30));
        router.setAddress(device, new Ipv4Prefix(routerAddress, 30));
        host.addRoute(new Ipv4Prefix(Ipv4Address.ANY, 0), routerAddress);
        network.connect(host.name(), host.device("eth0"), router.device(device), CABLE);
        return hostAddress;
    }
}
