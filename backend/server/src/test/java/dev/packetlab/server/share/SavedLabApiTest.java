package dev.packetlab.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/saved-labs} and {@code /api/share} through real HTTP, errors included. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SavedLabApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LAB_FILE = """
            id: two-hosts
            title: {en: "Two hosts"}
            nodes:
              - {id: pc1, kind: host, ip: 192.168.1.10/24}
              - {id: pc2, kind: host, ip: 192.168.1.20/24}
            links:
              - {a: pc1, b: pc2}
            """;
    static final String LOG = """
            [{"type": "execute", "time": 1000000000, "events": 4, "node": "pc1", "line": "ping -c 1 192.168.1.20",
              "background": false, "job": 1},
             {"type": "line", "time": 2500000000, "events": 31, "node": "pc2", "text": "arp -n"}]""";
    static final String STATE = "{\"fileName\": \"two-hosts.yaml\", \"labFile\": " + JSON.writeValueAsString(LAB_FILE)
            + ", \"seed\": 7, \"log\": " + LOG + ", \"time\": 3000000000, \"events\": 40}";

    @LocalServerPort
    int port;

    @Test
    void savingAnswers201WithTheLabsLocationIdAndOwnerToken() throws Exception {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, STATE);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "ownerToken");
        assertThat(created.get("id").stringValue()).matches("[A-Za-z0-9_-]{22}");
        assertThat(created.get("ownerToken").stringValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.headers().firstValue("Location")).contains("/api/saved-labs/" + created.get("id").stringValue());
    }

    @Test
    void theOwnerLoadsTheLabWithTheBearerToken() throws Exception {
        JsonNode created = save();

        HttpResponse<String> response = send("GET", "/api/saved-labs/" + created.get("id").stringValue(),
                created.get("ownerToken").stringValue(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lab = JSON.readTree(response.body());
        assertThat(lab.propertyNames()).containsExactlyInAnyOrder(
                "id", "fileName", "labFile", "seed", "log", "time", "events", "createdAt", "updatedAt");
        assertThat(lab.get("fileName").stringValue()).isEqualTo("two-hosts.yaml");
        assertThat(lab.get("labFile").stringValue()).isEqualTo(LAB_FILE);
        assertThat(lab.get("seed").longValue()).isEqualTo(7);
        assertThat(lab.get("log")).isEqualTo(JSON.readTree(LOG));
        assertThat(lab.get("time").longValue()).isEqualTo(3_000_000_000L);
        assertThat(lab.get("events").longValue()).isEqualTo(40);
        assertThat(lab.get("createdAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void loadingWithoutATokenIs401WithABearerChallenge() throws Exception {
        String id = save().get("id").stringValue();

        HttpResponse<String> response = send("GET", "/api/saved-labs/" + id, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"packetlab\"");
        JsonNode problem = problem(response);
        assertThat(problem.get("title").stringValue()).isEqualTo("Owner token required");
        assertThat(problem.get("detail").stringValue())
                .isEqualTo("Saved lab \"" + id + "\" needs its owner token: send it as \"Authorization: Bearer TOKEN\".");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/api/saved-labs/" + id);
    }

    @Test
    void updatingWithAWrongTokenIs401InvalidToken() throws Exception {
        String id = save().get("id").stringValue();

        HttpResponse<String> response = send("PUT", "/api/saved-labs/" + id, "wrong", STATE);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"packetlab\", error=\"invalid_token\"");
        assertThat(problem(response).get("detail").stringValue())
                .isEqualTo("This owner token is not the one of saved lab \"" + id + "\".");
    }

    @Test
    void theOwnerUpdatesTheLab() throws Exception {
        JsonNode created = save();
        String id = created.get("id").stringValue();
        String token = created.get("ownerToken").stringValue();
        String later = JSON.writeValueAsString(Map.of("labFile", LAB_FILE, "seed", 7, "time", 9_000_000_000L,
                "log", List.of(Map.of("type", "interrupt", "time", 8_000_000_000L, "events", 90, "node", "pc1"))));

        HttpResponse<String> response = send("PUT", "/api/saved-labs/" + id, token, later);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lab = JSON.readTree(send("GET", "/api/saved-labs/" + id, token, null).body());
        assertThat(lab.get("time").longValue()).isEqualTo(9_000_000_000L);
        assertThat(lab.get("events").longValue()).isEqualTo(-1);
        assertThat(lab.get("fileName").stringValue()).isEqualTo("lab.yaml");
        assertThat(lab.get("log")).isEqualTo(JSON.readTree(
                "[{\"type\": \"interrupt\", \"time\": 8000000000, \"events\": 90, \"node\": \"pc1\"}]"));
    }

    @Test
    void aLabFileThatIsNotALabIs400NamingTheField() throws Exception {
        String broken = JSON.writeValueAsString(Map.of("labFile", "id: x\nnodes: [", "seed", 1, "time", 0));

        HttpResponse<String> response = send("POST", "/api/saved-labs", null, broken);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("title").stringValue()).isEqualTo("Invalid lab record");
        assertThat(problem.get("errors").size()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("labFile");
        assertThat(problem.get("errors").get(0).get("message").stringValue()).startsWith("line 2, column ").contains("not valid YAML");
    }

    @Test
    void aStateWithoutItsRequiredFieldsIs400NamingEachOne() throws Exception {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.get("errors").toString()).isEqualTo("["
                + "{\"field\":\"labFile\",\"message\":\"is required: the lab's YAML text\"},"
                + "{\"field\":\"seed\",\"message\":\"is required\"},"
                + "{\"field\":\"time\",\"message\":\"is required: the simulated time reached, in nanoseconds\"}]");
        assertThat(problem.get("detail").stringValue()).isEqualTo("The lab record is not valid: labFile: is required:"
                + " the lab's YAML text; seed: is required; time: is required: the simulated time reached, in nanoseconds");
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, "\u0000\u0001garbage");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).get("instance").stringValue()).isEqualTo("/api/saved-labs");
    }

    @Test
    void aShareLinkIs201AndOpensForAnyoneWithoutTheOwnerToken() throws Exception {
        JsonNode created = save();
        String token = created.get("ownerToken").stringValue();

        HttpResponse<String> shared = send("POST", "/api/saved-labs/" + created.get("id").stringValue() + "/share-links",
                token, "{\"mode\": \"readonly\"}");

        assertThat(shared.statusCode()).isEqualTo(201);
        JsonNode link = JSON.readTree(shared.body());
        assertThat(link.propertyNames()).containsExactlyInAnyOrder("id", "savedLabId", "mode", "at", "createdAt");
        String linkId = link.get("id").stringValue();
        assertThat(link.get("mode").stringValue()).isEqualTo("readonly");
        assertThat(shared.headers().firstValue("Location")).contains("/api/share/" + linkId);

        HttpResponse<String> opened = send("GET", "/api/share/" + linkId, null, null);

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).doesNotContain(token);
        JsonNode lab = JSON.readTree(opened.body());
        assertThat(lab.propertyNames()).containsExactlyInAnyOrder(
                "id", "mode", "readOnly", "fileName", "labFile", "seed", "log", "time", "events", "createdAt");
        assertThat(lab.get("id").stringValue()).isEqualTo(linkId);
        assertThat(lab.get("mode").stringValue()).isEqualTo("readonly");
        assertThat(lab.get("readOnly").booleanValue()).isTrue();
        assertThat(lab.get("labFile").stringValue()).isEqualTo(LAB_FILE);
        assertThat(lab.get("seed").longValue()).isEqualTo(7);
        assertThat(lab.get("log")).isEqualTo(JSON.readTree(LOG));
        assertThat(lab.get("time").longValue()).isEqualTo(3_000_000_000L);
        assertThat(lab.get("events").longValue()).isEqualTo(40);
    }

    @Test
    void aShareLinkAtAnEarlierTimeSharesTheEntriesUntilThen() throws Exception {
        JsonNode created = save();

        JsonNode link = JSON.readTree(send("POST", "/api/saved-labs/" + created.get("id").stringValue() + "/share-links",
                created.get("ownerToken").stringValue(), "{\"mode\": \"fork\", \"at\": 2000000000}").body());
        JsonNode lab = JSON.readTree(send("GET", "/api/share/" + link.get("id").stringValue(), null, null).body());

        assertThat(link.get("at").longValue()).isEqualTo(2_000_000_000L);
        assertThat(lab.get("time").longValue()).isEqualTo(2_000_000_000L);
        assertThat(lab.get("events").longValue()).isEqualTo(-1);
        assertThat(lab.get("log")).isEqualTo(JSON.readTree("[" + JSON.readTree(LOG).get(0) + "]"));
    }

    @Test
    void anUnknownShareModeIs400NamingTheModes() throws Exception {
        JsonNode created = save();

        HttpResponse<String> response = send("POST", "/api/saved-labs/" + created.get("id").stringValue() + "/share-links",
                created.get("ownerToken").stringValue(), "{\"mode\": \"edit\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).get("errors").toString())
                .isEqualTo("[{\"field\":\"mode\",\"message\":\"must be one of fork, readonly, not \\\"edit\\\"\"}]");
    }

    @Test
    void forkingThroughAForkLinkGivesANewLabAndItsOwnerToken() throws Exception {
        JsonNode created = save();
        String linkId = shareLink(created, "fork");

        HttpResponse<String> response = send("POST", "/api/share/" + linkId + "/fork", null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode fork = JSON.readTree(response.body());
        String forkId = fork.get("id").stringValue();
        assertThat(forkId).isNotEqualTo(created.get("id").stringValue());
        assertThat(response.headers().firstValue("Location")).contains("/api/saved-labs/" + forkId);
        JsonNode lab = JSON.readTree(send("GET", "/api/saved-labs/" + forkId, fork.get("ownerToken").stringValue(), null).body());
        assertThat(lab.get("log")).isEqualTo(JSON.readTree(LOG));
    }

    @Test
    void forkingThroughAReadOnlyLinkIs403() throws Exception {
        String linkId = shareLink(save(), "readonly");

        HttpResponse<String> response = send("POST", "/api/share/" + linkId + "/fork", null, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problem(response).get("detail").stringValue())
                .isEqualTo("Share link \"" + linkId + "\" is read-only: it replays the lab and cannot be forked.");
    }

    @Test
    void anUnknownShareLinkIs404() throws Exception {
        HttpResponse<String> response = send("GET", "/api/share/CCCCCCCCCCCCCCCCCCCCCC", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = problem(response);
        assertThat(problem.get("title").stringValue()).isEqualTo("Share link not found");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/api/share/CCCCCCCCCCCCCCCCCCCCCC");
    }

    @Test
    void aLiveInstanceIsSavedWithItsRecordAndReopensAtTheSamePoint() throws Exception {
        JsonNode live = JSON.readTree(send("POST", "/api/instances", null, "{\"lab\": \"switch-basics\"}").body());
        String instance = live.get("instance").stringValue();
        String instanceToken = live.get("ownerToken").stringValue();
        HttpResponse<String> ping = send("POST", "/api/instances/" + instance + "/nodes/pc1/commands", instanceToken,
                "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}");
        assertThat(ping.statusCode()).isEqualTo(200);
        JsonNode before = JSON.readTree(send("GET", "/api/instances/" + instance, null, null).body());

        HttpResponse<String> saved = send("POST", "/api/saved-labs", instanceToken, "{\"instance\": \"" + instance + "\"}");

        assertThat(saved.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(saved.body());
        String token = created.get("ownerToken").stringValue();
        JsonNode lab = JSON.readTree(send("GET", "/api/saved-labs/" + created.get("id").stringValue(), token, null).body());
        assertThat(lab.get("log").size()).isEqualTo(1);
        assertThat(lab.get("log").get(0).get("type").stringValue()).isEqualTo("execute");
        assertThat(lab.get("log").get(0).get("line").stringValue()).isEqualTo("ping -c 1 192.168.1.20");
        assertThat(lab.get("time").longValue()).isEqualTo(before.get("run").get("time").longValue());

        HttpResponse<String> reopened = send("POST", "/api/saved-labs/" + created.get("id").stringValue() + "/instances",
                token, null);

        assertThat(reopened.statusCode()).isEqualTo(201);
        JsonNode after = JSON.readTree(reopened.body());
        assertThat(after.get("instance").stringValue()).isNotEqualTo(instance);
        assertThat(reopened.headers().firstValue("Location")).contains("/api/instances/" + after.get("instance").stringValue());
        assertThat(after.get("run").get("time")).isEqualTo(before.get("run").get("time"));
        assertThat(after.get("run").get("events")).isEqualTo(before.get("run").get("events"));
        assertThat(after.get("terminals")).isEqualTo(before.get("terminals"));
        assertThat(after.get("terminals").get("pc1").stringValue()).contains("1 packets transmitted, 1 received");
    }

    @Test
    void aShareLinkOpensAsANewLiveInstanceAtTheSharedPoint() throws Exception {
        JsonNode live = JSON.readTree(send("POST", "/api/instances", null, "{\"lab\": \"hub-basics\"}").body());
        String instance = live.get("instance").stringValue();
        String instanceToken = live.get("ownerToken").stringValue();
        send("POST", "/api/instances/" + instance + "/nodes/pc1/commands", instanceToken,
                "{\"line\": \"ping -c 2 192.168.1.20\", \"runUntilExit\": true}");
        JsonNode before = JSON.readTree(send("GET", "/api/instances/" + instance, null, null).body());
        JsonNode saved = JSON.readTree(send("POST", "/api/saved-labs", instanceToken, "{\"instance\": \"" + instance + "\"}").body());
        String linkId = shareLink(saved, "readonly");

        HttpResponse<String> response = send("POST", "/api/share/" + linkId + "/instances", null, null);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode snapshot = JSON.readTree(response.body());
        assertThat(response.headers().firstValue("Location")).contains("/api/instances/" + snapshot.get("instance").stringValue());
        assertThat(snapshot.get("run").get("time")).isEqualTo(before.get("run").get("time"));
        assertThat(snapshot.get("run").get("events")).isEqualTo(before.get("run").get("events"));
        assertThat(snapshot.get("terminals")).isEqualTo(before.get("terminals"));
    }

    @Test
    void aRecordThatDoesNotReplayIs422() throws Exception {
        // STATE's log is made up: the simulation never runs 4 events by 1 s, so the ping cannot be replayed there.
        String linkId = shareLink(save(), "readonly");

        HttpResponse<String> response = send("POST", "/api/share/" + linkId + "/instances", null, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response).get("detail").stringValue()).startsWith("The lab's record does not replay: ");
    }

    @Test
    void savingAnInstanceThisServerDoesNotHoldIs404() throws Exception {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, "{\"instance\": \"no-such-instance\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problem(response).get("detail").stringValue())
                .isEqualTo("No live instance \"no-such-instance\" on this server: it was deleted, or lives on another one.");
    }

    @Test
    void anInstanceAndARecordInOneBodyIs400() throws Exception {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, "{\"instance\": \"x\", \"seed\": 1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).get("errors").toString()).isEqualTo("[{\"field\":\"instance\",\"message\":"
                + "\"comes alone: a lab is saved either from a live instance or from a record, not both\"}]");
    }

    private JsonNode save() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/saved-labs", null, STATE);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private String shareLink(JsonNode created, String mode) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/saved-labs/" + created.get("id").stringValue() + "/share-links",
                created.get("ownerToken").stringValue(), "{\"mode\": \"" + mode + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").stringValue();
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String ownerToken, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (ownerToken != null) request.header("Authorization", "Bearer " + ownerToken);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
