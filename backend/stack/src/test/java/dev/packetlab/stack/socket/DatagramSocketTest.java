package dev.packetlab.stack.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Datagram sockets over UDP: descriptors, bind, connect, sendto, a receive that continues later, ECONNREFUSED. */
class DatagramSocketTest {
    private final TestNetwork t = new TestNetwork();
    private final Host a = t.host("a", "10.0.0.1/24");
    private final Host b = t.host("b", "10.0.0.2/24");
    private final SocketTable as = SocketTable.of(a);
    private final SocketTable bs = SocketTable.of(b);
    private final SocketAddress bPort7 = new SocketAddress(Ipv4Address.parse("10.0.0.2"), 7);
    private final List<String> log = new ArrayList<>();

    DatagramSocketTest() {
        t.connect(a, b);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private ReceiveHandler recorder(String who) {
        return new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                log.add(who + " received \"" + new String(data, StandardCharsets.UTF_8) + "\" from " + from + " at " + t.sim.now());
            }

            @Override
            public void failed(Errno error) {
                log.add(who + " failed " + error + " at " + t.sim.now());
            }
        };
    }

    @Test
    void descriptorsStartAtThreeAndTheLowestFreeOneIsReused() {
        assertThat(as.socket(SocketTable.Type.DGRAM).value()).isEqualTo(3);
        assertThat(as.socket(SocketTable.Type.DGRAM).value()).isEqualTo(4);
        assertThat(as.close(3)).isNull();
        assertThat(as.socket(SocketTable.Type.DGRAM).value()).isEqualTo(3);
        assertThat(as.close(9)).isEqualTo(Errno.EBADF);
    }

    @Test
    void aReceiveWaitsInSimulatedTimeUntilTheDatagramArrives() {
        int server = bs.socket(SocketTable.Type.DGRAM).value();
        assertThat(bs.bind(server, 7)).isNull();
        bs.receiveFrom(server, 0, recorder("b"));
        int client = as.socket(SocketTable.Type.DGRAM).value();
        assertThat(as.sendTo(client, "hello".getBytes(), bPort7).value()).isEqualTo(5);
        assertThat(log).isEmpty();
        t.sim.runUntil(SimTime.seconds(1));
        int port = as.sockets().get(0).local().port();
        assertThat(log).containsExactly("b received \"hello\" from 10.0.0.1:" + port + " at 3014400");
    }

    @Test
    void aConnectedSocketGetsEconnrefusedWhenThePeersPortIsClosed() {
        int fd = as.socket(SocketTable.Type.DGRAM).value();
        assertThat(as.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.2"), 9))).isNull();
        assertThat(as.send(fd, "anyone?".getBytes()).succeeded()).isTrue();
        as.receiveFrom(fd, 0, recorder("a"));
        t.sim.runUntil(SimTime.seconds(1));
        // the datagram reaches b at 3.0144 ms; b's port unreachable (70-byte frame) is back 1.0056 ms later
        assertThat(log).containsExactly("a failed ECONNREFUSED at 4020000");
    }

    @Test
    void theRefusalIsReportedByTheNextCallWhenNobodyWasWaiting() {
        int fd = as.socket(SocketTable.Type.DGRAM).value();
        as.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.2"), 9));
        as.send(fd, "one".getBytes());
        t.sim.runUntil(SimTime.seconds(1));
        assertThat(as.send(fd, "two".getBytes()).error()).isEqualTo(Errno.ECONNREFUSED);
        assertThat(as.send(fd, "three".getBytes()).succeeded()).isTrue(); // reported once, then cleared
    }

    @Test
    void anUnconnectedSocketIsNotToldOfTheRefusal() {
        int fd = as.socket(SocketTable.Type.DGRAM).value();
        as.sendTo(fd, "one".getBytes(), new SocketAddress(Ipv4Address.parse("10.0.0.2"), 9));
        as.receiveFrom(fd, SimTime.seconds(2), recorder("a"));
        t.sim.runUntil(SimTime.seconds(3));
        assertThat(log).containsExactly("a failed EAGAIN at 2000000000");
    }

    @Test
    void bindingATakenPortIsEaddrinuse() {
        int first = bs.socket(SocketTable.Type.DGRAM).value();
        int second = bs.socket(SocketTable.Type.DGRAM).value();
        assertThat(bs.bind(first, 53)).isNull();
        assertThat(bs.bind(second, 53)).isEqualTo(Errno.EADDRINUSE);
        bs.close(first);
        assertThat(bs.bind(second, 53)).isNull();
    }

    @Test
    void sendingWithoutARouteIsEnetunreach() {
        int fd = as.socket(SocketTable.Type.DGRAM).value();
        assertThat(as.sendTo(fd, "x".getBytes(), new SocketAddress(Ipv4Address.parse("172.16.0.1"), 53)).error())
                .isEqualTo(Errno.ENETUNREACH);
        assertThat(as.send(fd, "x".getBytes()).error()).isEqualTo(Errno.EDESTADDRREQ);
    }

    @Test
    void bindConnectAndCloseAreVisibleAsSocketStateChanges() {
        int fd = as.socket(SocketTable.Type.DGRAM).value();
        as.bind(fd, 5000);
        as.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.2"), 9));
        as.close(fd);

        assertThat(t.events(dev.packetlab.stack.trace.TraceEvent.SocketStateChanged.class))
                .extracting(e -> e.protocol() + " " + e.local() + " " + e.remote() + " " + e.from() + ">" + e.to())
                .containsExactly("udp 0.0.0.0:5000 null CLOSED>UNCONN", "udp 0.0.0.0:5000 10.0.0.2:9 UNCONN>ESTABLISHED",
                        "udp 0.0.0.0:5000 10.0.0.2:9 ESTABLISHED>CLOSED");
    }

    @Test
    void aDatagramToTheSubnetBroadcastAddressReachesEveryHostOnTheSubnet() {
        TestNetwork lan = new TestNetwork();
        Host x = lan.host("x", "10.0.0.1/24");
        Host y = lan.host("y", "10.0.0.2/24");
        Host z = lan.host("z", "10.0.0.3/24");
        var hub = lan.hub("hub");
        lan.connect(x, hub);
        lan.connect(y, hub);
        lan.connect(z, hub);
        List<String> got = new ArrayList<>();
        for (Host h : List.of(y, z)) {
            SocketTable st = SocketTable.of(h);
            int fd = st.socket(SocketTable.Type.DGRAM).value();
            st.bind(fd, 9999);
            st.receiveFrom(fd, 0, new ReceiveHandler() {
                public void received(byte[] data, SocketAddress from) {
                    got.add(h.name() + " <- " + from + " " + new String(data, StandardCharsets.UTF_8));
                }

                public void failed(Errno error) { got.add(h.name() + " " + error); }
            });
        }
        SocketTable xs = SocketTable.of(x);
        int fd = xs.socket(SocketTable.Type.DGRAM).value();
        xs.bind(fd, 5000);
        SocketAddress everyone = new SocketAddress(Ipv4Address.parse("10.0.0.255"), 9999);
        assertThat(xs.sendTo(fd, "hi".getBytes(), everyone).error()).isEqualTo(Errno.EACCES);
        assertThat(xs.setOption(fd, SocketTable.Option.SO_BROADCAST, 1)).isNull();
        assertThat(xs.sendTo(fd, "hi".getBytes(), everyone).value()).isEqualTo(2);
        lan.sim.runUntilIdle();

        assertThat(got).containsExactly("y <- 10.0.0.1:5000 hi", "z <- 10.0.0.1:5000 hi");
        assertThat(lan.sentBy("x")).hasSize(1);
        assertThat(dev.packetlab.stack.testing.Frames.destination(lan.sentBy("x").get(0).frame()))
                .isEqualTo(dev.packetlab.stack.wire.MacAddress.BROADCAST);
        lan.close();
    }
}
