package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import dev.packetlab.server.WsTestClient;
import dev.packetlab.stack.testing.Tshark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's proof, through real HTTP and a real WebSocket against the server on a random port: an instance of the
 * shipped TCP lab, nc on both hosts, and what a browser would receive: the frames with their timing, the server
 * socket's states ending in TIME_WAIT (and its end after 2·MSL), the terminal output; then the pcap, which tshark
 * reads without a single warning.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveLabIntegrationTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    HttpResponse<String> post(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    @Test
    void aTcpConnectionStreamsItsFramesSocketStatesAndTerminalAndItsPcapReadsClean() throws Exception {
        HttpResponse<String> created = post("/api/instances", "{\"lab\": \"tcp-connection\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = WsTestClient.JSON.readTree(created.body()).get("instance").stringValue();

        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("hello"), "hello");
            JsonNode snapshot = ws.await(WsTestClient.type("snapshot"), "snapshot").get("snapshot");
            ws.authorized(id);
            assertThat(snapshot.get("nodes").findValuesAsString("id")).contains("pc1", "srv", "sw1");

            // the server, typed at its terminal over the socket; the client, through the REST API
            ws.send("{\"type\": \"line\", \"node\": \"srv\", \"text\": \"echo hello | nc -l 8888 &\"}");
            ws.await(m -> m.get("type").stringValue().equals("terminal") && m.get("node").stringValue().equals("srv"),
                    "srv's prompt");
            HttpResponse<String> nc = post("/api/instances/" + id + "/nodes/pc1/commands",
                    "{\"line\": \"nc srv 8888\", \"runUntilExit\": true}");
            assertThat(nc.statusCode()).as(nc.body()).isEqualTo(200);
            JsonNode job = WsTestClient.JSON.readTree(nc.body());
            assertThat(job.get("output").stringValue()).isEqualTo("hello\n");
            assertThat(job.get("exitCode").intValue()).isZero();

            post("/api/instances/" + id + "/run", "{\"action\": \"RUN_UNTIL_IDLE\"}");
            ws.await(m -> m.get("type").stringValue().equals("socket") && m.get("node").stringValue().equals("srv")
                    && m.get("from").stringValue().equals("TIME_WAIT"), "srv's TIME_WAIT ending");

            // the handshake's SYN: from pc1 onto its link, with where it goes and when it arrives
            JsonNode syn = ws.ofType("frame").stream()
                    .filter(f -> f.get("protocol").stringValue().equals("TCP") && f.get("summary").stringValue().contains("[SYN]"))
                    .findFirst().orElseThrow();
            assertThat(syn.get("node").stringValue()).isEqualTo("pc1");
            assertThat(syn.get("link").stringValue()).isEqualTo("pc1:eth0-sw1:p1");
            assertThat(syn.get("toNode").stringValue()).isEqualTo("sw1");
            // 1 ms of propagation after the last of its 60 bytes (SYN with MSS, padded) left at 100 Mbps: 80 ns each
            assertThat(syn.get("length").intValue()).isEqualTo(60);
            assertThat(syn.get("leaves").longValue() - syn.get("time").longValue()).isEqualTo(4_800);
            assertThat(syn.get("arrives").longValue() - syn.get("time").longValue()).isEqualTo(1_004_800);
            JsonNode synArrival = ws.ofType("frame-received").stream()
                    .filter(r -> r.get("number").longValue() == syn.get("number").longValue()).findFirst().orElseThrow();
            assertThat(synArrival.get("node").stringValue()).isEqualTo("sw1");
            assertThat(synArrival.get("time").longValue()).isEqualTo(syn.get("arrives").longValue());

            // srv's connection, state by state, to TIME_WAIT and its end after 2·MSL
            List<String> serverStates = ws.ofType("socket").stream()
                    .filter(m -> m.get("node").stringValue().equals("srv") && m.get("remote").isString() && m.get("remote").stringValue().startsWith("10.0.0.1:"))
                    .map(m -> m.get("to").stringValue()).toList();
            assertThat(serverStates).containsExactly("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                    "TIME_WAIT", "CLOSED");
            String terminal = String.join("", ws.ofType("terminal").stream()
                    .filter(m -> m.get("node").stringValue().equals("pc1")).map(m -> m.get("text").stringValue()).toList());
            assertThat(terminal).isEqualTo("$ nc srv 8888\nhello\n");
        }

        HttpResponse<Path> pcap = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/instances/" + id + "/pcap?node=srv")).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("srv.pcap")));
        assertThat(pcap.statusCode()).isEqualTo(200);
        assertThat(Tshark.read(pcap.body(), "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\"")).isEmpty();
        assertThat(Tshark.read(pcap.body(), "-Y", "tcp.flags.fin == 1", "-T", "fields", "-e", "tcp.srcport"))
                .containsExactly("8888", "38186");
        HttpResponse<Path> all = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/instances/" + id + "/pcap")).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("all.pcap")));
        assertThat(Tshark.read(all.body(), "-Y", "_ws.malformed || tcp.checksum.status == \"Bad\"")).isEmpty();
        assertThat(Files.size(all.body())).isGreaterThan(Files.size(pcap.body()));
    }

    @Test
    void aStepsCheckVerdictIsInTheSnapshotAndStreamedTheMomentItPasses() throws Exception {
        HttpResponse<String> created = post("/api/instances", "{\"lab\": \"tcp-connection\"}");
        String id = WsTestClient.JSON.readTree(created.body()).get("instance").stringValue();

        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            JsonNode snapshot = ws.await(WsTestClient.type("snapshot"), "snapshot").get("snapshot");
            ws.authorized(id);
            JsonNode first = snapshot.get("checks").get(0);
            assertThat(first.get("step").intValue()).isZero();
            assertThat(first.get("passed").booleanValue()).isFalse();
            assertThat(first.get("time").longValue()).isEqualTo(-1);

            ws.send("{\"type\": \"line\", \"node\": \"srv\", \"text\": \"nc -l 8888 &\"}");
            ws.send("{\"type\": \"control\", \"action\": \"run-until-idle\"}");
            JsonNode check = ws.await(m -> m.get("type").stringValue().equals("check"), "step 1's check");
            assertThat(check.get("step").intValue()).isZero();
            assertThat(check.get("passed").booleanValue()).isTrue();
            assertThat(check.get("why").stringValue()).contains("LISTEN");
        }
    }

    @Test
    void aStepsCheckVerdictIsExplainedInEnglishAndInKorean() throws Exception {
        HttpResponse<String> created = post("/api/instances", "{\"lab\": \"tcp-connection\"}");
        String id = WsTestClient.JSON.readTree(created.body()).get("instance").stringValue();

        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            JsonNode first = ws.await(WsTestClient.type("snapshot"), "snapshot").get("snapshot").get("checks").get(0);
            ws.authorized(id);
            assertThat(first.get("why").stringValue())
                    .isEqualTo("not seen: a TCP socket of srv on port 8888 in state LISTEN (no such socket changed state)");
            assertThat(first.get("whyKo").stringValue())
                    .isEqualTo("보이지 않음: srv의 포트 8888인 TCP 소켓이 LISTEN 상태가 됨 (상태가 바뀐 해당 소켓 없음)");

            ws.send("{\"type\": \"line\", \"node\": \"srv\", \"text\": \"nc -l 8888 &\"}");
            ws.send("{\"type\": \"control\", \"action\": \"run-until-idle\"}");
            JsonNode check = ws.await(m -> m.get("type").stringValue().equals("check"), "step 1's check");
            assertThat(check.get("why").stringValue())
                    .isEqualTo("srv's TCP socket 0.0.0.0:8888 went from CLOSED to LISTEN (listen() called) at 0.000000 s");
            assertThat(check.get("whyKo").stringValue())
                    .isEqualTo("[0.000000초] srv의 TCP 소켓 0.0.0.0:8888이 CLOSED에서 LISTEN으로 바뀜 (listen() 호출)");
        }
    }

    @Test
    void curlFromUrlToPageStreamsDnsTcpAndHttpAndEndsInTimeWait() throws Exception {
        HttpResponse<String> created = post("/api/instances", "{\"lab\": \"url-to-page\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = WsTestClient.JSON.readTree(created.body()).get("instance").stringValue();

        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.authorized(id);
            ws.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"curl http://www.example.lab/\"}");
            ws.send("{\"type\": \"control\", \"action\": \"run-until-idle\"}");
            ws.await(m -> m.get("type").stringValue().equals("run-state")
                    && m.get("state").get("mode").stringValue().equals("PAUSED")
                    && m.get("state").get("pending").intValue() == 0, "the run to end");

            List<String> protocols = ws.ofType("frame").stream().map(f -> f.get("protocol").stringValue()).distinct().toList();
            assertThat(protocols).contains("ARP", "DNS", "TCP");
            String terminal = String.join("", ws.ofType("terminal").stream()
                    .filter(m -> m.get("node").stringValue().equals("pc1")).map(m -> m.get("text").stringValue()).toList());
            assertThat(terminal).startsWith("$ curl http://www.example.lab/\n<html>").contains("<h1>Hello from www.example.lab</h1>");
            List<String> client = ws.ofType("socket").stream()
                    .filter(m -> m.get("node").stringValue().equals("pc1") && m.get("protocol").stringValue().equals("tcp"))
                    .map(m -> m.get("to").stringValue()).toList();
            assertThat(client).containsExactly("SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED");
        }

        HttpResponse<Path> pcap = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/instances/" + id + "/pcap?node=pc1")).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("pc1.pcap")));
        assertThat(Tshark.read(pcap.body(), "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\"")).isEmpty();
        assertThat(Tshark.read(pcap.body(), "-Y", "http.request", "-T", "fields", "-e", "http.request.uri"))
                .containsExactly("/");
    }
}
