package dev.packetlab.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live instance is changed only by whoever holds its owner token (docs/protocol.md, "Owner tokens"): creating one
 * answers the token once; every request that changes it carries it as {@code Authorization: Bearer}; reads need none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InstanceOwnerTokenApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COMMAND = "{\"line\": \"echo owned\", \"runUntilExit\": true}";

    @LocalServerPort
    int port;

    String id;
    String token;

    HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send("POST", path, token, "application/json", json);
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @BeforeEach
    void create() throws Exception {
        JsonNode created = json(post("/api/instances", null, "{\"lab\": \"switch-basics\"}"));
        id = created.get("instance").stringValue();
        token = created.get("ownerToken").stringValue();
    }

    String pc1Terminal() throws Exception {
        return json(send("GET", "/api/instances/" + id, null, null, null)).get("terminals").get("pc1").stringValue();
    }

    @Test
    void creatingAnInstanceAnswersItsOwnerTokenBesideTheSnapshot() throws Exception {
        HttpResponse<String> r = post("/api/instances", null, "{\"lab\": \"switch-basics\"}");

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode created = json(r);
        assertThat(created.get("ownerToken").stringValue()).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(created.has("replayToken")).isFalse();
        assertThat(created.get("nodes").findValuesAsString("id")).containsExactly("pc1", "pc2", "sw1");
    }

    @Test
    void anUploadedLabFileAnswersAnOwnerTokenToo() throws Exception {
        HttpResponse<String> r = send("POST", "/api/instances", null, "application/yaml",
                "id: mine\ntitle: {en: Mine}\nnodes:\n  - {id: a, kind: host, ip: 10.1.0.1/24}\n");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("ownerToken").stringValue()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(token);
    }

    @Test
    void theSnapshotNeverShowsTheOwnerToken() throws Exception {
        HttpResponse<String> r = send("GET", "/api/instances/" + id, null, null, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(token).doesNotContain("ownerToken");
    }

    @Test
    void aCommandWithoutTheOwnerTokenIs401WithABearerChallengeAndDoesNotRun() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/nodes/pc1/commands", null, COMMAND);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"packetlab\"");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).get("title").stringValue()).isEqualTo("Owner token required");
        assertThat(json(r).get("detail").stringValue()).isEqualTo("Changing instance \"" + id + "\" needs its owner "
                + "token (given once, to whoever created or opened it): send it as \"Authorization: Bearer TOKEN\".");
        assertThat(pc1Terminal()).isEmpty();
    }

    @Test
    void aCommandWithAnotherInstancesTokenIs401InvalidTokenAndDoesNotRun() throws Exception {
        String other = json(post("/api/instances", null, "{\"lab\": \"switch-basics\"}")).get("ownerToken").stringValue();

        HttpResponse<String> r = post("/api/instances/" + id + "/nodes/pc1/commands", other, COMMAND);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"packetlab\", error=\"invalid_token\"");
        assertThat(json(r).get("title").stringValue()).isEqualTo("Wrong owner token");
        assertThat(pc1Terminal()).isEmpty();
    }

    @Test
    void aCommandWithTheOwnerTokenRuns() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/nodes/pc1/commands", token, COMMAND);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("output").stringValue()).isEqualTo("owned\n");
    }

    @Test
    void aRunControlWithoutTheOwnerTokenIs401AndTheClockStaysPaused() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/run", null, "{\"action\": \"PLAY\", \"speed\": 1}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(send("GET", "/api/instances/" + id + "/run", null, null, null)).get("mode").stringValue())
                .isEqualTo("PAUSED");
    }

    @Test
    void aRunControlWithTheOwnerTokenRuns() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/run", token, "{\"action\": \"PLAY\", \"speed\": 1}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("mode").stringValue()).isEqualTo("PLAYING");
    }

    @Test
    void theTokenIsCheckedBeforeTheBodySoAStrangerLearnsNothingFromValidation() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/run", null, "{\"action\": \"REWIND\"}");

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void terminalInputWithoutTheOwnerTokenIs401AndNothingIsTyped() throws Exception {
        HttpResponse<String> r = post("/api/instances/" + id + "/nodes/pc1/terminal", null, "{\"line\": \"echo typed\"}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(pc1Terminal()).isEmpty();
    }

    @Test
    void aTopologyEditWithoutTheOwnerTokenIs401AndTheLinkStaysUp() throws Exception {
        HttpResponse<String> r = send("PATCH", "/api/instances/" + id + "/links/pc1:eth0-sw1:p1", null,
                "application/json", "{\"up\": false}");

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode link = json(send("GET", "/api/instances/" + id, null, null, null)).get("links").get(0);
        assertThat(link.get("up").booleanValue()).isTrue();
    }

    @Test
    void deletingWithoutTheOwnerTokenIs401AndTheInstanceStays() throws Exception {
        HttpResponse<String> r = send("DELETE", "/api/instances/" + id, null, null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/instances/" + id, null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void deletingWithTheOwnerTokenEndsTheInstance() throws Exception {
        assertThat(send("DELETE", "/api/instances/" + id, token, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/instances/" + id, null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void readingAnInstanceNeedsNoToken() throws Exception {
        post("/api/instances/" + id + "/nodes/pc1/commands", token, "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}");

        for (String read : new String[] {"", "/run", "/lab-file", "/packets", "/packets/1", "/pcap", "/nodes/pc1/sockets",
                "/jobs/1"}) {
            assertThat(send("GET", "/api/instances/" + id + read, null, null, null).statusCode()).as(read).isEqualTo(200);
        }
    }

    @Test
    void anUnknownInstanceIsStill404WithoutAToken() throws Exception {
        HttpResponse<String> r = post("/api/instances/nope/run", null, "{\"action\": \"PAUSE\"}");

        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsNoToken() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/instances/"
                        + id + "/run")).header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"PAUSE\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("title").stringValue()).isEqualTo("Owner token required");
    }
}
