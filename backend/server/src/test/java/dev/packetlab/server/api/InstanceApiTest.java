package dev.packetlab.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The instance API over real HTTP: what it answers, and the problem details it gives for every kind of bad input. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InstanceApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    String create() throws Exception {
        return json(post("/api/instances", "{\"lab\": \"switch-basics\"}")).get("instance").stringValue();
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsString("field");
    }

    @Test
    void creatingFromTheCatalogueAnswers201WithTheSnapshotAndItsLocation() throws Exception {
        HttpResponse<String> r = post("/api/instances", "{\"lab\": \"switch-basics\", \"seed\": 42}");
        assertThat(r.statusCode()).isEqualTo(201);
        String id = json(r).get("instance").stringValue();
        assertThat(id).matches("[A-Za-z0-9_-]{22}"); // 128 random bits
        assertThat(r.headers().firstValue("Location")).hasValue("/api/instances/" + id);
        assertThat(json(r).get("nodes").findValuesAsString("id")).containsExactly("pc1", "pc2", "sw1");
    }

    @Test
    void anUploadedLabFileStartsAnInstanceAndComesBackAsALabFile() throws Exception {
        String lab = "id: mine\ntitle: {en: Mine}\nnodes:\n  - {id: a, kind: host, ip: 10.1.0.1/24}\n";
        HttpResponse<String> r = send("POST", "/api/instances", "application/yaml", lab);
        assertThat(r.statusCode()).isEqualTo(201);
        String id = json(r).get("instance").stringValue();
        HttpResponse<String> file = send("GET", "/api/instances/" + id + "/lab-file", null, null);
        assertThat(file.body()).contains("id: \"mine\"").contains("ip: \"10.1.0.1/24\"");
    }

    @Test
    void aBrokenLabFileIsA400NamingEachPlaceInTheFile() throws Exception {
        String lab = "id: bad\\ntitle: {en: Bad}\\nnodes:\\n  - {id: a, kind: host, ip: 10.1.0.300/24}\\nlinks:\\n  - {a: a, b: zz}\\n";
        HttpResponse<String> r = post("/api/instances", "{\"labFile\": \"" + lab + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(json(r))).containsExactly("nodes[0].ip", "links[0].b");
    }

    @Test
    void anUnknownCatalogueLabIsA404() throws Exception {
        HttpResponse<String> r = post("/api/instances", "{\"lab\": \"no-such-lab\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("detail").stringValue()).startsWith("no lab \"no-such-lab\" in the catalogue");
    }

    @Test
    void anUnknownInstanceIsA404ProblemWithThePath() throws Exception {
        HttpResponse<String> r = send("GET", "/api/instances/nope/run", null, null);
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode p = json(r);
        assertThat(p.get("detail").stringValue()).isEqualTo("no instance \"nope\".");
        assertThat(p.get("instance").stringValue()).isEqualTo("/api/instances/nope/run");
    }

    @Test
    void aRunControlOutOfRangeNamesTheField() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + create() + "/run", "{\"action\": \"PLAY\", \"speed\": 5000}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(json(r))).containsExactly("speed");
    }

    @Test
    void aRunControlWithAnUnknownActionOrWrongTypeNamesTheField() throws Exception {
        String id = create();
        assertThat(fields(json(post("/api/instances/" + id + "/run", "{\"action\": \"REWIND\"}")))).containsExactly("action");
        assertThat(fields(json(post("/api/instances/" + id + "/run", "{\"action\": \"PLAY\", \"speed\": \"fast\"}"))))
                .containsExactly("speed");
        assertThat(fields(json(post("/api/instances/" + id + "/run", "{}")))).containsExactly("action");
        assertThat(post("/api/instances/" + id + "/run", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aCommandRunUntilExitAnswersWithItsOutput() throws Exception {
        String id = create();
        HttpResponse<String> r = post("/api/instances/" + id + "/nodes/pc1/commands",
                "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("output").stringValue()).contains("1 packets transmitted, 1 received");
        HttpResponse<String> running = post("/api/instances/" + id + "/nodes/pc1/commands", "{\"line\": \"ping 192.168.1.20\"}");
        assertThat(running.statusCode()).isEqualTo(202);
        assertThat(json(running).get("running").booleanValue()).isTrue();
    }

    @Test
    void aCommandForAnUnknownNodeIsA404NamingTheNodes() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + create() + "/nodes/pc9/commands", "{\"line\": \"ls\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("detail").stringValue()).isEqualTo("no node \"pc9\" (known: pc1, pc2, sw1).");
    }

    @Test
    void anEmptyCommandLineNamesTheField() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + create() + "/nodes/pc1/commands", "{\"line\": \" \"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(json(r))).containsExactly("line");
    }

    @Test
    void packetsAreListedFilteredAndTakenApart() throws Exception {
        String id = create();
        post("/api/instances/" + id + "/nodes/pc1/commands", "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}");

        JsonNode all = json(send("GET", "/api/instances/" + id + "/packets", null, null));
        assertThat(all.get("total").intValue()).isEqualTo(8); // ARP request, reply, echo request, reply: two hops each
        JsonNode icmp = json(send("GET", "/api/instances/" + id + "/packets?protocol=icmp&link=pc1:eth0-sw1:p1", null, null));
        assertThat(icmp.get("packets").findValuesAsString("summary")).hasSize(2).allMatch(s -> s.startsWith("Echo (ping)"));

        long number = icmp.get("packets").get(0).get("number").longValue();
        JsonNode detail = json(send("GET", "/api/instances/" + id + "/packets/" + number, null, null));
        assertThat(detail.get("layers").findValuesAsString("name")).containsExactly("Ethernet II",
                "Internet Protocol Version 4", "Internet Control Message Protocol");
        assertThat(detail.get("hex").stringValue()).hasSize(2 * 98).startsWith("020000000002020000000001");
        assertThat(json(send("GET", "/api/instances/" + id + "/packets?port=80", null, null)).get("total").intValue()).isZero();
    }

    @Test
    void badPacketQueriesNameTheParameter() throws Exception {
        String id = create();
        assertThat(fields(json(send("GET", "/api/instances/" + id + "/packets?size=0", null, null)))).containsExactly("size");
        assertThat(fields(json(send("GET", "/api/instances/" + id + "/packets?protocol=smtp", null, null))))
                .containsExactly("protocol");
        assertThat(fields(json(send("GET", "/api/instances/" + id + "/packets?port=http", null, null)))).containsExactly("port");
        assertThat(send("GET", "/api/instances/" + id + "/packets/99", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aLinkEditIsCheckedAsTheLabFileWouldBe() throws Exception {
        String id = create();
        HttpResponse<String> bad = send("PATCH", "/api/instances/" + id + "/links/pc1:eth0-sw1:p1", "application/json",
                "{\"delay\": \"soon\", \"loss\": 2}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad))).containsExactly("links[0].delay", "links[0].loss");

        HttpResponse<String> ok = send("PATCH", "/api/instances/" + id + "/links/pc1:eth0-sw1:p1", "application/json",
                "{\"delay\": \"20ms\", \"up\": false}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("delay").longValue()).isEqualTo(20_000_000);
        assertThat(json(ok).get("up").booleanValue()).isFalse();
        assertThat(send("PATCH", "/api/instances/" + id + "/links/nope", "application/json", "{\"up\": true}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void nodesAreAddedAndRemovedWithLabFileErrors() throws Exception {
        String id = create();
        HttpResponse<String> bad = post("/api/instances/" + id + "/nodes", "{\"id\": \"pc3\", \"kind\": \"laptop\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad))).containsExactly("nodes[3].kind");
        HttpResponse<String> clash = post("/api/instances/" + id + "/nodes", "{\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"192.168.1.10/24\"}");
        assertThat(fields(json(clash))).containsExactly("nodes[3].ip");

        assertThat(post("/api/instances/" + id + "/nodes", "{\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"192.168.1.30/24\"}")
                .statusCode()).isEqualTo(201);
        // the lab's steps check pc2, so the lab file without it would not be valid
        HttpResponse<String> checked = send("DELETE", "/api/instances/" + id + "/nodes/pc2", null, null);
        assertThat(checked.statusCode()).isEqualTo(400);
        assertThat(fields(json(checked))).first().isEqualTo("steps[0].check.before[1].arp-entry.address");
        assertThat(send("DELETE", "/api/instances/" + id + "/nodes/pc3", null, null).statusCode()).isEqualTo(204);
        assertThat(json(send("GET", "/api/instances/" + id, null, null)).get("nodes").findValuesAsString("id"))
                .containsExactly("pc1", "pc2", "sw1");
    }

    @Test
    void theOpenApiDescriptionIsAtApiDocs() throws Exception {
        HttpResponse<String> r = send("GET", "/api/docs", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").stringValue()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/instances/{id}/run")).isTrue();
    }

    @Test
    void keysPostedToATerminalAreEditedIntoALineThatEnterRuns() throws Exception {
        String id = create();
        assertThat(post("/api/instances/" + id + "/nodes/pc1/terminal", "{\"keys\": \"echo hx\\u007fi\\r\"}").statusCode())
                .isEqualTo(204);

        JsonNode snapshot = json(send("GET", "/api/instances/" + id, null, null));
        assertThat(snapshot.get("terminals").get("pc1").stringValue()).isEqualTo("$ echo hi\nhi\n");
        assertThat(snapshot.get("editing").get("pc1").get("prompt").stringValue()).isEqualTo("$ ");
        assertThat(snapshot.get("editing").get("pc1").get("line").stringValue()).isEmpty();
    }

    @Test
    void aDeletedInstanceIsGone() throws Exception {
        String id = create();
        assertThat(send("DELETE", "/api/instances/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/instances/" + id, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theRuntimeCountsItsInstancesAndTheEventsTheyRan() throws Exception {
        double events = metrics.get("packetlab.simulation.events").functionCounter().count();
        String id = create();
        post("/api/instances/" + id + "/nodes/pc1/commands", "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}");

        assertThat(metrics.get("packetlab.instances").gauge().value()).isGreaterThanOrEqualTo(1);
        // the count is charged when the instance's run slice ends, which may be just after the command's reply
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (metrics.get("packetlab.simulation.events").functionCounter().count() <= events
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(metrics.get("packetlab.simulation.events").functionCounter().count()).isGreaterThan(events);
        assertThat(metrics.get("packetlab.websocket.clients").gauge().value()).isZero();
    }

    @Test
    void theActuatorListsEveryMetricOfTheRuntimeAndTheSockets() throws Exception {
        HttpResponse<String> r = send("GET", "/actuator/metrics", null, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("names").valueStream().map(JsonNode::stringValue).filter(n -> n.startsWith("packetlab.")))
                .containsExactlyInAnyOrder("packetlab.instances", "packetlab.instances.watched",
                        "packetlab.instances.throttled", "packetlab.simulation.events", "packetlab.simulation.events.rate",
                        "packetlab.websocket.clients", "packetlab.websocket.batches", "packetlab.websocket.dropped",
                        "packetlab.websocket.overflows");
    }

    @Test
    void oneMetricAnswersItsValueOverHttp() throws Exception {
        create();
        HttpResponse<String> r = send("GET", "/actuator/metrics/packetlab.instances", null, null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode measurement = json(r).get("measurements").get(0);
        assertThat(measurement.get("statistic").stringValue()).isEqualTo("VALUE");
        assertThat(measurement.get("value").doubleValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> r = send("GET", "/actuator/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").stringValue()).isEqualTo("UP");
    }
}
