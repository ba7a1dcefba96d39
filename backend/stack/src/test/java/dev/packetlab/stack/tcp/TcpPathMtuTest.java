package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP and path MTU discovery (RFC 1191 6.4): "fragmentation needed" shrinks the MSS, and the data goes again. */
class TcpPathMtuTest {

    @Test
    void fragmentationNeededShrinksTheMssAndTheTransferCompletesInSmallerSegments() {
        try (TestNetwork t = new TestNetwork()) {
            // a —1500— r1 —576— r2 —1500— b: both ends offer MSS 1460, the path carries 576-byte packets
            Host a = t.host("a", "10.0.0.1/24", "10.0.0.254");
            Host r1 = t.router("r1", "10.0.0.254/24", "10.0.2.1/24");
            Host r2 = t.router("r2", "10.0.2.2/24", "10.0.1.254/24");
            Host b = t.host("b", "10.0.1.2/24", "10.0.1.254");
            r1.addRoute(dev.packetlab.stack.wire.Ipv4Prefix.parse("10.0.1.0/24"), Ipv4Address.parse("10.0.2.2"));
            r2.addRoute(dev.packetlab.stack.wire.Ipv4Prefix.parse("10.0.0.0/24"), Ipv4Address.parse("10.0.2.1"));
            t.connect(a, r1);
            LinkParameters wide = new LinkParameters(100_000_000L, SimTime.millis(1), 0, 0, 1500, 100);
            t.withLinks(wide.withMtu(576));
            t.connect(r1, r2);
            t.withLinks(wide);
            t.connect(r2, b);
            SocketTable bs = SocketTable.of(b);
            int l = bs.socket(SocketTable.Type.STREAM).value();
            bs.bind(l, 80);
            bs.listen(l, 4);
            int[] received = {0};
            bs.accept(l, acc -> bs.receive(acc.value(), 1 << 20, 0, new ReceiveHandler() {
                public void received(byte[] data, SocketAddress from) {
                    received[0] += data.length;
                    if (data.length > 0) bs.receive(acc.value(), 1 << 20, 0, this);
                }

                public void failed(Errno e) { }
            }));
            SocketTable as = SocketTable.of(a);
            int c = as.socket(SocketTable.Type.STREAM).value();
            as.connect(c, new SocketAddress(Ipv4Address.parse("10.0.1.2"), 80), ok -> as.send(c, new byte[10_000]));
            t.sim.runUntil(SimTime.seconds(5));

            assertThat(received[0]).isEqualTo(10_000);
            TcpConnection conn = Tcp.of(a).connections().get(0);
            assertThat(conn.mss()).isEqualTo(536);
            List<Segments.Sent> data = Segments.sentBy(t, "a").stream().filter(s -> s.length() > 0).toList();
            assertThat(data.get(0).length()).isEqualTo(1460); // the first try, refused by r1
            assertThat(data.get(data.size() - 1).length()).isLessThanOrEqualTo(536);
            assertThat(t.drops()).anySatisfy(d -> assertThat(d.node() + " " + d.reason())
                    .isEqualTo("r1 " + dev.packetlab.stack.trace.DropReason.FRAGMENTATION_NEEDED));
        }
    }
}
