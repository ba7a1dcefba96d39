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

/**
 * Topology edits over real HTTP that a running lab now takes for real: an interface taken off (PATCH with the
 * interfaces list without it), name servers and hosts lines changed, and the name of a removed node or cable used
 * again at once; each refusal a problem naming the lab-file field (a service's parameter among them).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TopologyEditApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** switch-basics: pc1 192.168.1.10/24 and pc2 192.168.1.20/24 on sw1. */
    String create() throws Exception {
        return json(send("POST", "/api/instances", "{\"lab\": \"switch-basics\"}")).get("instance").stringValue();
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsString("field");
    }

    @Test
    void anInterfaceLeftOutOfThePatchedListIsTakenOff() throws Exception {
        String id = create();
        send("PATCH", "/api/instances/" + id + "/nodes/pc1",
                "{\"interfaces\": [{\"name\": \"eth0\", \"ip\": \"192.168.1.10/24\"}, {\"name\": \"eth1\", \"ip\": \"10.9.0.1/24\"}]}");

        HttpResponse<String> r = send("PATCH", "/api/instances/" + id + "/nodes/pc1",
                "{\"interfaces\": [{\"name\": \"eth0\", \"ip\": \"192.168.1.10/24\"}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("interfaces").findValuesAsString("name")).containsExactly("eth0");
        assertThat(send("GET", "/api/instances/" + id + "/lab-file", null).body()).doesNotContain("eth1");
    }

    @Test
    void anInterfaceWithACableIsA400NamingTheInterfacesList() throws Exception {
        String id = create();
        send("PATCH", "/api/instances/" + id + "/nodes/pc1",
                "{\"interfaces\": [{\"name\": \"eth0\", \"ip\": \"192.168.1.10/24\"}, {\"name\": \"eth1\", \"ip\": \"10.9.0.1/24\"}]}");

        HttpResponse<String> r = send("PATCH", "/api/instances/" + id + "/nodes/pc1",
                "{\"interfaces\": [{\"name\": \"eth1\", \"ip\": \"10.9.0.1/24\"}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(json(r))).containsExactly("nodes[0].interfaces");
        assertThat(json(r).get("errors").get(0).get("message").stringValue())
                .isEqualTo("pc1:eth0 has a cable (pc1:eth0-sw1:p1); remove the link before the interface");
    }

    @Test
    void nameServersAndHostsLinesArePatchedAndABadOneIsA400NamingItsField() throws Exception {
        String id = create();

        HttpResponse<String> ok = send("PATCH", "/api/instances/" + id + "/nodes/pc1",
                "{\"dns\": [\"192.168.1.20\"], \"hosts\": {\"peer\": \"192.168.1.20\"}}");
        HttpResponse<String> bad = send("PATCH", "/api/instances/" + id + "/nodes/pc1", "{\"dns\": [\"192.168.1.999\"]}");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/instances/" + id + "/lab-file", null).body())
                .containsPattern("dns:\n *- \"192.168.1.20\"").contains("peer: \"192.168.1.20\"");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad))).containsExactly("nodes[0].dns[0]");
    }

    @Test
    void aServiceWithABadPortIsA400NamingTheServicesParameterAndLeavesTheNodeAsItWas() throws Exception {
        String id = create();

        HttpResponse<String> r = send("PATCH", "/api/instances/" + id + "/nodes/pc2",
                "{\"services\": [{\"http\": {\"port\": 70000}}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(fields(json(r))).containsExactly("nodes[1].services[0].http.port");
        assertThat(json(r).get("errors").get(0).get("message").stringValue()).isEqualTo("70000 is outside 1..65535");
        assertThat(send("GET", "/api/instances/" + id + "/lab-file", null).body()).doesNotContain("services");
    }

    @Test
    void aDeletedNodesNameIsTakenAgainAtOnceWithItsCable() throws Exception {
        String id = create();
        assertThat(send("POST", "/api/instances/" + id + "/nodes", "{\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"192.168.1.30/24\"}")
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/instances/" + id + "/links", "{\"a\": \"pc3\", \"b\": \"sw1\"}").statusCode()).isEqualTo(201);
        assertThat(send("DELETE", "/api/instances/" + id + "/nodes/pc3", null).statusCode()).isEqualTo(204);

        HttpResponse<String> again = send("POST", "/api/instances/" + id + "/nodes",
                "{\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"192.168.1.30/24\"}");
        HttpResponse<String> cable = send("POST", "/api/instances/" + id + "/links", "{\"a\": \"pc3\", \"b\": \"sw1\"}");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(cable.statusCode()).isEqualTo(201);
        assertThat(json(cable).get("name").stringValue()).isEqualTo("pc3:eth0-sw1:p3");
        HttpResponse<String> ping = send("POST", "/api/instances/" + id + "/nodes/pc1/commands",
                "{\"line\": \"ping -c 1 -W 1 192.168.1.30\", \"runUntilExit\": true}");
        assertThat(json(ping).get("exitCode").intValue()).isZero();
    }

    @Test
    void aDeletedLinksEndsTakeTheSameCableAgain() throws Exception {
        String id = create();
        send("POST", "/api/instances/" + id + "/nodes", "{\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"192.168.1.30/24\"}");
        send("POST", "/api/instances/" + id + "/links", "{\"a\": \"pc3\", \"b\": \"sw1\"}");
        assertThat(send("DELETE", "/api/instances/" + id + "/links/pc3:eth0-sw1:p3", null).statusCode()).isEqualTo(204);

        HttpResponse<String> again = send("POST", "/api/instances/" + id + "/links", "{\"a\": \"pc3:eth0\", \"b\": \"sw1:p3\"}");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("name").stringValue()).isEqualTo("pc3:eth0-sw1:p3");
    }
}
