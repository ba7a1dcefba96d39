package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.app.dns.NameServer;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's services replaced while the lab runs: what is no longer listed stops as a killed daemon does, what is
 * listed word for word goes on running, and the new entries start.
 */
class ServiceCatalogTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24", null);
    private final Host www = t.host("www", "10.0.0.80/24", null);

    ServiceCatalogTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private void advance(long millis) {
        t.sim.runUntil(t.sim.now() + SimTime.millis(millis));
    }

    private static Map<String, Object> http(int port) {
        return Map.of("http", Map.of("port", port));
    }

    /** What a connect to www:{@code port} ends with: null (connected) or the error. */
    private Errno connect(int port) {
        SocketTable table = SocketTable.of(pc1);
        int fd = table.socket(SocketTable.Type.STREAM).value();
        Errno[] result = {Errno.ETIMEDOUT};
        table.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.80"), port), r -> result[0] = r.error());
        advance(50);
        return result[0];
    }

    @Test
    void aServiceLeftOutOfTheListStopsAndNewConnectionsAreRefused() {
        assertThat(ServiceCatalog.start(www, List.of(http(8080)), "nodes[1].services")).isEmpty();
        assertThat(connect(8080)).isNull();

        assertThat(ServiceCatalog.replace(www, List.of(), "nodes[1].services")).isEmpty();

        assertThat(connect(8080)).isEqualTo(Errno.ECONNREFUSED);
    }

    /** Connects to www:80 and reads: what arrives, "[end of stream]" for a FIN, "[ERROR]" for a failure. */
    private StringBuilder openConnection() {
        SocketTable table = SocketTable.of(pc1);
        int fd = table.socket(SocketTable.Type.STREAM).value();
        table.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.80"), 80), r -> { });
        advance(50); // ARP and the handshake take 1 ms a hop; the server has accepted it by then
        StringBuilder got = new StringBuilder();
        table.receive(fd, 65_536, 0, new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                got.append(data.length == 0 ? "[end of stream]" : new String(data, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void failed(Errno error) {
                got.append("[").append(error).append("]");
            }
        });
        return got;
    }

    @Test
    void aStoppedWebServersAcceptedConnectionIsClosedAsWhenItsProcessDies() {
        ServiceCatalog.start(www, List.of(http(80)), "nodes[1].services");
        StringBuilder got = openConnection();

        ServiceCatalog.replace(www, List.of(), "nodes[1].services");
        advance(10);

        // nothing unread on the server's side: close(2) sends a FIN, and the client reads the end of the stream
        assertThat(got.toString()).isEqualTo("[end of stream]");
    }

    @Test
    void aServiceListedWordForWordKeepsRunningAndANewOneStarts() {
        ServiceCatalog.start(www, List.of(http(80)), "nodes[1].services");
        StringBuilder got = openConnection();

        assertThat(ServiceCatalog.replace(www, List.of(http(80), http(8080)), "nodes[1].services")).isEmpty();
        advance(10);

        assertThat(got.toString()).isEmpty(); // the connection to the kept server is still open, nothing said on it
        assertThat(connect(8080)).isNull();
    }

    @Test
    void aChangedPortTakesEffectAndTheOldPortIsRefused() {
        ServiceCatalog.start(www, List.of(http(8080)), "nodes[1].services");

        assertThat(ServiceCatalog.replace(www, List.of(http(80)), "nodes[1].services")).isEmpty();

        assertThat(connect(80)).isNull();
        assertThat(connect(8080)).isEqualTo(Errno.ECONNREFUSED);
    }

    @Test
    void aReplacedDnsServiceLeavesTheNodeFreeForItsSuccessor() {
        Map<String, Object> zone = Map.of("name", "www", "type", "A", "value", "10.0.0.80");
        ServiceCatalog.start(www, List.of(Map.of("dns", Map.of("zones", Map.of("example.lab", List.of(zone))))), "n");

        List<String> errors = ServiceCatalog.replace(www, List.of(Map.of("dns", Map.of("zones", Map.of("other.lab",
                List.of(zone))))), "nodes[1].services");

        assertThat(errors).isEmpty();
        assertThat(NameServer.of(www).config().zones()).extracting(z -> z.origin().toString()).containsExactly("other.lab.");
    }

    @Test
    void aMistakeInANewEntryIsReportedAtItsPlaceInTheNewList() {
        ServiceCatalog.start(www, List.of(http(80)), "nodes[1].services");

        assertThat(ServiceCatalog.replace(www, List.of(http(80), http(70000)), "nodes[1].services"))
                .containsExactly("nodes[1].services[1].http.port: 70000 is outside 1..65535");
    }
}
