package dev.packetlab.stack.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.UdpHeaderView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFORMANCE 8 and the first half of 26 [RFC 768, RFC 1122 4.1.3.1]. */
class UdpTest {
    private final TestNetwork t = new TestNetwork();
    private final Host a = t.host("a", "10.0.0.1/24");
    private final Host b = t.host("b", "10.0.0.2/24");
    private final Ipv4Address bAddress = Ipv4Address.parse("10.0.0.2");
    private final List<String> heard = new ArrayList<>();

    UdpTest() {
        t.connect(a, b);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private UdpListener recorder(String who) {
        return new UdpListener() {
            @Override
            public boolean datagram(Ipv4Address source, int sourcePort, byte[] data) {
                heard.add(who + " got \"" + new String(data, StandardCharsets.UTF_8) + "\" from " + source + ":" + sourcePort
                        + " at " + t.sim.now());
                return true;
            }

            @Override
            public void error(Ipv4Address from, int type, int code, Ipv4Address destination, int destinationPort) {
                heard.add(who + " error " + type + "/" + code + " from " + from + " about " + destination + ":" + destinationPort);
            }
        };
    }

    @Test
    void eachSendIsOneDatagramWithNoHandshake() {
        t.udp(b).open(7, recorder("b"));
        UdpEndpoint sender = t.udp(a).open(5000, recorder("a"));
        assertThat(sender.send(bAddress, 7, "one".getBytes())).isEqualTo(SendResult.SENT);
        assertThat(sender.send(bAddress, 7, "two".getBytes())).isEqualTo(SendResult.SENT);
        t.sim.runUntil(SimTime.seconds(1));
        // after ARP (2.0096 ms) both leave back to back: 60-byte frames, 4.8 us apart
        assertThat(heard).containsExactly("b got \"one\" from 10.0.0.1:5000 at 3014400", "b got \"two\" from 10.0.0.1:5000 at 3019200");
        assertThat(t.sentBy("a").stream().filter(s -> !Frames.isArp(s.frame()))).hasSize(2);
    }

    @Test
    void aDatagramToAClosedPortEarnsPortUnreachable() {
        UdpEndpoint sender = t.udp(a).open(5000, recorder("a"));
        sender.send(bAddress, 9, "anyone?".getBytes());
        t.sim.runUntil(SimTime.seconds(1));
        assertThat(t.drops()).singleElement().satisfies(d -> {
            assertThat(d.node()).isEqualTo("b");
            assertThat(d.reason()).isEqualTo(DropReason.PORT_UNREACHABLE);
            assertThat(d.detail()).isEqualTo("no socket on UDP port 9");
        });
        byte[] reply = t.sentBy("b").stream().filter(s -> Frames.isIcmp(s.frame())).findFirst().orElseThrow().frame();
        IcmpView icmp = Frames.icmp(reply);
        assertThat(icmp.type()).isEqualTo(3);
        assertThat(icmp.code()).isEqualTo(3);
        // the unconnected sender hears of it too; the socket layer turns this into ECONNREFUSED on connected sockets
        assertThat(heard).containsExactly("a error 3/3 from 10.0.0.2 about 10.0.0.2:9");
    }

    @Test
    void aConnectedEndpointTakesOnlyItsPeersDatagrams() {
        UdpEndpoint server = t.udp(b).open(53, recorder("b"));
        server.connect(Ipv4Address.parse("10.0.0.1"), 6000);
        t.udp(a).open(6000, recorder("a6000")).send(bAddress, 53, "from 6000".getBytes());
        t.udp(a).open(6001, recorder("a6001")).send(bAddress, 53, "from 6001".getBytes());
        t.sim.runUntil(SimTime.seconds(1));
        assertThat(heard).containsExactly("b got \"from 6000\" from 10.0.0.1:6000 at 3014400",
                "a6001 error 3/3 from 10.0.0.2 about 10.0.0.2:53");
    }

    @Test
    void aTakenPortCannotBeOpenedAgain() {
        assertThat(t.udp(a).open(53, recorder("first"))).isNotNull();
        assertThat(t.udp(a).open(53, recorder("second"))).isNull();
    }

    @Test
    void ephemeralPortsComeFromTheLinuxRangeInASeededOrder() {
        int first = t.udp(a).open(0, recorder("x")).port();
        int second = t.udp(a).open(0, recorder("y")).port();
        assertThat(first).isBetween(32768, 60999);
        assertThat(second).isBetween(32768, 60999).isNotEqualTo(first);
        TestNetwork again = new TestNetwork();
        Host same = again.host("a", "10.0.0.1/24");
        assertThat(again.udp(same).open(0, recorder("z")).port()).isEqualTo(first);
        assertThat(again.udp(same).open(0, recorder("z")).port()).isEqualTo(second);
    }

    @Test
    void aDatagramWithABadChecksumIsDroppedWithThatReason() {
        t.udp(b).open(7, recorder("b"));
        t.udp(a).open(5000, recorder("a")).send(bAddress, 7, "ok".getBytes());
        t.sim.runUntil(SimTime.seconds(1));
        byte[] frame = t.sentBy("a").get(1).frame().clone();
        frame[14 + 20 + 8] ^= 1; // flip a data bit, keep the UDP checksum
        t.inject(a.device("eth0"), frame);
        t.sim.runUntil(SimTime.seconds(2));
        assertThat(t.drops()).extracting(TraceEvent.FrameDropped::reason).containsExactly(DropReason.BAD_CHECKSUM);
        assertThat(heard).hasSize(1);
    }

    @Test
    void udpChecksumsOnTheWireAreRight() {
        t.udp(b).open(7, recorder("b"));
        t.udp(a).open(5000, recorder("a")).send(bAddress, 7, "checked".getBytes());
        t.sim.runUntil(SimTime.seconds(1));
        byte[] frame = t.sentBy("a").get(1).frame();
        UdpHeaderView udp = UdpHeaderView.wrap(frame, 34, 15);
        assertThat(udp.checksum()).isNotZero();
        assertThat(udp.check(Ipv4Address.parse("10.0.0.1"), bAddress)).isNull();
    }
}
