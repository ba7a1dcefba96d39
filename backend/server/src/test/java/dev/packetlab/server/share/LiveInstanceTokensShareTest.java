package dev.packetlab.server.share;

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
 * Live instances' tokens where saving and sharing meet them: saving an instance needs its owner token, a share link
 * never carries it, a fork link's instance gets its own, and a read-only link's instance is a replay nobody changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveInstanceTokensShareTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PING = "{\"line\": \"ping -c 1 192.168.1.20\", \"runUntilExit\": true}";

    @LocalServerPort
    int port;

    String instance;
    String instanceToken;

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    @BeforeEach
    void liveInstance() throws Exception {
        JsonNode created = created(send("POST", "/api/instances", null, "{\"lab\": \"switch-basics\"}"));
        instance = created.get("instance").stringValue();
        instanceToken = created.get("ownerToken").stringValue();
        assertThat(send("POST", "/api/instances/" + instance + "/nodes/pc1/commands", instanceToken, PING).statusCode())
                .isEqualTo(200);
    }

    /** The instance saved (with its owner token) and shared: the saved lab's creation answer and the link's. */
    JsonNode[] share(String mode) throws Exception {
        JsonNode saved = created(send("POST", "/api/saved-labs", instanceToken, "{\"instance\": \"" + instance + "\"}"));
        HttpResponse<String> link = send("POST", "/api/saved-labs/" + saved.get("id").stringValue() + "/share-links",
                saved.get("ownerToken").stringValue(), "{\"mode\": \"" + mode + "\"}");
        return new JsonNode[] {saved, created(link), JSON.readTree(link.body())};
    }

    @Test
    void savingALiveInstanceWithoutItsOwnerTokenIs401() throws Exception {
        HttpResponse<String> r = send("POST", "/api/saved-labs", null, "{\"instance\": \"" + instance + "\"}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"packetlab\"");
    }

    @Test
    void savingALiveInstanceWithAnotherTokenIs401InvalidToken() throws Exception {
        HttpResponse<String> r = send("POST", "/api/saved-labs", "y".repeat(43), "{\"instance\": \"" + instance + "\"}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"packetlab\", error=\"invalid_token\"");
    }

    @Test
    void updatingASavedLabFromAnInstanceNeedsTheInstancesTokenInTheBody() throws Exception {
        JsonNode saved = created(send("POST", "/api/saved-labs", instanceToken, "{\"instance\": \"" + instance + "\"}"));
        String path = "/api/saved-labs/" + saved.get("id").stringValue();
        String savedToken = saved.get("ownerToken").stringValue();

        assertThat(send("PUT", path, savedToken, "{\"instance\": \"" + instance + "\"}").statusCode()).isEqualTo(401);
        assertThat(send("PUT", path, savedToken, "{\"instance\": \"" + instance + "\", \"instanceToken\": \""
                + savedToken + "\"}").statusCode()).isEqualTo(401);
        assertThat(send("PUT", path, savedToken, "{\"instance\": \"" + instance + "\", \"instanceToken\": \""
                + instanceToken + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anInstanceTokenWithoutAnInstanceIs400() throws Exception {
        HttpResponse<String> r = send("POST", "/api/saved-labs", null, "{\"instanceToken\": \"" + instanceToken + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("errors").findValuesAsString("field")).contains("instanceToken");
    }

    @Test
    void theInstancesOwnerTokenAppearsNeitherInAShareLinkNorInItsJson() throws Exception {
        JsonNode[] shared = share("fork");
        String linkId = shared[1].get("id").stringValue();
        String opened = send("GET", "/api/share/" + linkId, null, null).body();

        assertThat(shared[2].toString()).doesNotContain(instanceToken).doesNotContain(shared[0].get("ownerToken").stringValue());
        assertThat(opened).doesNotContain(instanceToken).doesNotContain(shared[0].get("ownerToken").stringValue())
                .doesNotContain("ownerToken");
        assertThat(linkId).isNotEqualTo(instanceToken).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void openingASavedLabAnswersANewOwnerTokenForTheNewInstance() throws Exception {
        JsonNode saved = created(send("POST", "/api/saved-labs", instanceToken, "{\"instance\": \"" + instance + "\"}"));

        JsonNode opened = created(send("POST", "/api/saved-labs/" + saved.get("id").stringValue() + "/instances",
                saved.get("ownerToken").stringValue(), null));

        String token = opened.get("ownerToken").stringValue();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(instanceToken)
                .isNotEqualTo(saved.get("ownerToken").stringValue());
        assertThat(send("POST", "/api/instances/" + opened.get("instance").stringValue() + "/nodes/pc1/commands", token,
                PING).statusCode()).isEqualTo(200);
    }

    @Test
    void aForkLinksInstanceGetsItsOwnOwnerToken() throws Exception {
        String linkId = share("fork")[1].get("id").stringValue();

        JsonNode fork = created(send("POST", "/api/share/" + linkId + "/instances", null, null));

        String forkId = fork.get("instance").stringValue();
        String forkToken = fork.get("ownerToken").stringValue();
        assertThat(forkToken).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(instanceToken);
        assertThat(fork.has("replayToken")).isFalse();
        assertThat(send("POST", "/api/instances/" + forkId + "/nodes/pc1/commands", instanceToken, PING).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/instances/" + forkId + "/nodes/pc1/commands", forkToken, PING).statusCode())
                .isEqualTo(200);
    }

    /** A read-only link opened: the instance's id and its replay token. */
    String[] readOnlyReplay() throws Exception {
        String linkId = share("readonly")[1].get("id").stringValue();
        JsonNode opened = created(send("POST", "/api/share/" + linkId + "/instances", null, null));
        assertThat(opened.has("ownerToken")).isFalse();
        return new String[] {opened.get("instance").stringValue(), opened.get("replayToken").stringValue()};
    }

    @Test
    void aReadOnlyLinksInstanceAnswersAReplayTokenAndNoOwnerToken() throws Exception {
        String[] replay = readOnlyReplay();

        assertThat(replay[1]).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(instanceToken);
    }

    @Test
    void aReadOnlyReplayRefusesACommandWith403EvenWithItsToken() throws Exception {
        String[] replay = readOnlyReplay();

        HttpResponse<String> r = send("POST", "/api/instances/" + replay[0] + "/nodes/pc1/commands", replay[1], PING);

        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("title").stringValue()).isEqualTo("Read-only instance");
        assertThat(problem.get("detail").stringValue()).isEqualTo("Instance \"" + replay[0] + "\" is a read-only replay "
                + "of a shared lab: it can be watched and replayed, never changed. Open the link as a copy (a fork "
                + "link) to work in it.");
    }

    @Test
    void aReadOnlyReplayRefusesTerminalInputAndEditsWith403() throws Exception {
        String[] replay = readOnlyReplay();
        String path = "/api/instances/" + replay[0];

        assertThat(send("POST", path + "/nodes/pc1/terminal", replay[1], "{\"line\": \"ls\"}").statusCode()).isEqualTo(403);
        assertThat(send("PATCH", path + "/links/pc1:eth0-sw1:p1", replay[1], "{\"up\": false}").statusCode()).isEqualTo(403);
        assertThat(send("POST", path + "/nodes", null, "{\"id\": \"pc9\", \"kind\": \"host\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aReadOnlyReplayRefusesARunControlWithoutItsTokenWith401() throws Exception {
        String[] replay = readOnlyReplay();

        HttpResponse<String> r = send("POST", "/api/instances/" + replay[0] + "/run", null, "{\"action\": \"PLAY\", \"speed\": 1}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).get("title").stringValue()).isEqualTo("Replay token required");
    }

    @Test
    void aReadOnlyReplaysTokenRunsTheReplay() throws Exception {
        String[] replay = readOnlyReplay();

        HttpResponse<String> r = send("POST", "/api/instances/" + replay[0] + "/run", replay[1], "{\"action\": \"SEEK\", \"time\": 0}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("time").longValue()).isZero();
    }

    @Test
    void aReadOnlyReplayCannotBeSavedSoItCannotBeForkedThroughTheBackDoor() throws Exception {
        String[] replay = readOnlyReplay();

        HttpResponse<String> r = send("POST", "/api/saved-labs", replay[1], "{\"instance\": \"" + replay[0] + "\"}");

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void theSharedInstancesOwnerTokenDoesNotRunTheReplay() throws Exception {
        String[] replay = readOnlyReplay();

        HttpResponse<String> r = send("POST", "/api/instances/" + replay[0] + "/run", instanceToken, "{\"action\": \"PAUSE\"}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).get("title").stringValue()).isEqualTo("Wrong replay token");
    }
}
