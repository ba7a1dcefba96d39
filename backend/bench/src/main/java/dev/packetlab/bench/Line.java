package dev.packetlab.bench;

import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;

/**
 * The line of W1 and W2, as ns3-baseline/src/line_tcp.h builds it: A — R — B on two of {@link Star#CABLE}
 * (100 Mbit/s, 1 ms, MTU 1500, DropTail 100), A and R on 10.0.1.0/24, R and B on 10.0.2.0/24, A and B running the
 * baseline's TCP ({@link TcpModel}). With {@code loss > 0}, B loses that fraction of the packets it receives
 * ({@link LossyReceiver}).
 */
final class Line {
    final Simulation simulation;
    final Network network;
    final Host a;
    final Host b;
    final SocketTable aSockets;
    final SocketTable bSockets;
    final Ipv4Address bAddress = Ipv4Address.of(10, 0, 2, 2);

    Line(long seed, double loss) {
        simulation = new Simulation(seed);
        network = new Network(simulation);
        a = new Host(network, "A", false);
        Host router = new Host(network, "R", true);
        b = loss > 0 ? new LossyReceiver(network, "B", loss) : new Host(network, "B", false);
        a.addDevice("eth0");
        router.addDevice("eth0");
        router.addDevice("eth1");
        b.addDevice("eth0");
        a.setAddress("eth0", Ipv4Prefix.parse("10.0.1.1/24"));
        router.setAddress("eth0", Ipv4Prefix.parse("10.0.1.2/24"));
        router.setAddress("eth1", Ipv4Prefix.parse("10.0.2.1/24"));
        b.setAddress("eth0", new Ipv4Prefix(bAddress, 24));
        a.addRoute(Ipv4Prefix.parse("0.0.0.0/0"), Ipv4Address.of(10, 0, 1, 2));
        b.addRoute(Ipv4Prefix.parse("0.0.0.0/0"), Ipv4Address.of(10, 0, 2, 1));
        network.connect("A-R", a.device("eth0"), router.device("eth0"), Star.CABLE);
        network.connect("R-B", router.device("eth1"), b.device("eth0"), Star.CABLE);
        aSockets = TcpModel.install(a);
        bSockets = TcpModel.install(b);
    }
}
