package dev.packetlab.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/instances/{id}/nodes/{node}/sockets/history and /api/instances/{id}/sockets/history over real HTTP: each
 * socket's story since the instance started, open to whoever holds the instance's id (it only reads).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SocketHistoryApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LabSessions sessions;

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The TCP lab after srv served one line to pc1 and closed first, run on the server itself. */
    String connectedOnce() throws Exception {
        LabSession s = sessions.create("tcp-connection.yaml",
                new String(getClass().getResourceAsStream("/labs/tcp-connection.yaml").readAllBytes()), null);
        s.execute("srv", "echo hello | nc -l 8888", true, false).get(30, TimeUnit.SECONDS);
        s.execute("pc1", "nc srv 8888", false, true).get(30, TimeUnit.SECONDS);
        s.control(new LabSession.Control(LabSession.Control.Action.ADVANCE, null, null, 100_000_000L))
                .get(30, TimeUnit.SECONDS);
        return s.id();
    }

    @Test
    void aNodesHistoryHasEachSocketsStateChangesWithTheirCausesCodesAndTimes() throws Exception {
        String id = connectedOnce();
        HttpResponse<String> r = get("/api/instances/" + id + "/nodes/srv/sockets/history");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.get("sockets").findValuesAsString("node")).containsOnly("srv");
        JsonNode connection = h.get("sockets").get(1);
        assertThat(connection.get("local").stringValue()).isEqualTo("10.0.0.2:8888");
        assertThat(connection.get("state").stringValue()).isEqualTo("TIME_WAIT");
        assertThat(connection.get("transitions").findValuesAsString("to"))
                .containsExactly("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT");
        assertThat(connection.get("transitions").findValuesAsString("code"))
                .containsExactly("syn-received", "ack-of-syn-ack", "close-or-shutdown", "ack-of-fin", "fin-received");
        JsonNode first = connection.get("transitions").get(0);
        assertThat(first.get("cause").stringValue()).isEqualTo("SYN received");
        assertThat(connection.get("transitions").findValues("time")).extracting(JsonNode::longValue)
                .containsExactly(6028800L, 10048000L, 10048000L, 14072000L, 14072000L);
        assertThat(first.get("params").isEmpty()).isTrue();
        // the variables after each change, from the SYN on: the line and the FIN sent at 10.048 ms, all acknowledged
        assertThat(connection.get("samples").findValues("time")).extracting(JsonNode::longValue)
                .containsExactly(6028800L, 10048000L, 10048000L, 14072000L);
        assertThat(connection.get("samples").findValues("sendBuffered")).extracting(JsonNode::intValue)
                .containsExactly(0, 6, 6, 0);
        assertThat(connection.get("samples").get(3).get("srtt").longValue()).isEqualTo(4024000);
        assertThat(connection.get("samplesCut").longValue()).isZero();
        assertThat(h.get("socketsCut").longValue()).isZero();
        assertThat(h.get("limits").get("samplesPerSocket").intValue()).isEqualTo(2000);
    }

    @Test
    void theInstancesHistoryHasEveryNodesSockets() throws Exception {
        String id = connectedOnce();
        JsonNode h = JSON.readTree(get("/api/instances/" + id + "/sockets/history").body());

        List<String> nodes = h.get("sockets").findValuesAsString("node");
        assertThat(nodes).containsExactly("srv", "pc1", "srv");
    }

    @Test
    void anUnknownNodeIsA404ProblemNamingIt() throws Exception {
        String id = connectedOnce();
        HttpResponse<String> r = get("/api/instances/" + id + "/nodes/pc9/sockets/history");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("detail").stringValue()).contains("pc9");
    }
}
