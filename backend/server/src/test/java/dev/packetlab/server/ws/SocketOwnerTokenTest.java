package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.WsTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Over {@code /ws/labs/{id}}, watching needs no token, but typing and running the lab need the instance's owner
 * token, proved once per connection by an {@code auth} message (never in the URL); a read-only replay's token runs the
 * replay and types nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SocketOwnerTokenTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LINE = "{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"echo typed\"}";
    static final String PLAY = "{\"type\": \"control\", \"action\": \"play\", \"speed\": 0.5}";

    @LocalServerPort
    int port;

    String id;
    String token;

    JsonNode post(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = HTTP.send(b.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return WsTestClient.JSON.readTree(r.body());
    }

    @BeforeEach
    void create() throws Exception {
        JsonNode created = post("/api/instances", null, "{\"lab\": \"switch-basics\"}");
        id = created.get("instance").stringValue();
        token = created.get("ownerToken").stringValue();
    }

    static Predicate<JsonNode> error(String field) {
        return m -> m.get("type").stringValue().equals("error") && m.has("field") && m.get("field").stringValue().equals(field);
    }

    static String auth(String token) {
        return "{\"type\": \"auth\", \"token\": \"" + token + "\"}";
    }

    /** Sends {@code message} and returns the message of the error it gets. */
    static String errorFor(WsTestClient ws, String message, String field) throws Exception {
        int from = ws.count();
        ws.send(message);
        return ws.awaitFrom(from, error(field), "an error naming " + field + " for " + message).get("message").stringValue();
    }

    /** pc1's terminal as a fresh snapshot shows it (asked after everything sent before, so it reflects them). */
    static String pc1Terminal(WsTestClient ws) throws Exception {
        int from = ws.count();
        ws.send("{\"type\": \"snapshot\"}");
        return ws.awaitFrom(from, m -> m.get("type").stringValue().equals("snapshot")
                && m.get("reason").stringValue().equals("requested"), "the snapshot").get("snapshot")
                .get("terminals").get("pc1").stringValue();
    }

    @Test
    void watchingNeedsNoToken() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            assertThat(ws.await(WsTestClient.type("hello"), "hello").get("instance").stringValue()).isEqualTo(id);
            assertThat(ws.await(WsTestClient.type("snapshot"), "snapshot").get("reason").stringValue()).isEqualTo("connected");
        }
    }

    @Test
    void aLineBeforeAuthIsRefusedWithAnErrorAndNeverTyped() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            assertThat(errorFor(ws, LINE, "type")).isEqualTo("type: this connection only watches: send {\"type\": "
                    + "\"auth\", \"token\": \"...\"} with the instance's owner token first");
            assertThat(pc1Terminal(ws)).isEmpty();
        }
    }

    @Test
    void everyInputBeforeAuthIsRefused() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            for (String input : new String[] {"{\"type\": \"keys\", \"node\": \"pc1\", \"data\": \"ls\\r\"}",
                    "{\"type\": \"interrupt\", \"node\": \"pc1\"}", "{\"type\": \"eof\", \"node\": \"pc1\"}", PLAY}) {
                assertThat(errorFor(ws, input, "type")).as(input).startsWith("type: this connection only watches");
            }
        }
    }

    @Test
    void aRunControlBeforeAuthLeavesTheLabPaused() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            errorFor(ws, PLAY, "type");
            int from = ws.count();
            ws.send("{\"type\": \"snapshot\"}");
            JsonNode run = ws.awaitFrom(from, m -> m.get("type").stringValue().equals("snapshot"), "the snapshot")
                    .get("snapshot").get("run");
            assertThat(run.get("mode").stringValue()).isEqualTo("PAUSED");
        }
    }

    @Test
    void afterAuthWithTheOwnerTokenALineIsTyped() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            ws.send(auth(token));
            assertThat(ws.await(WsTestClient.type("authorized"), "authorized").get("role").stringValue()).isEqualTo("owner");
            ws.send(LINE);
            ws.await(m -> m.get("type").stringValue().equals("terminal") && m.get("text").stringValue().equals("typed\n"),
                    "the echo's output");
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheConnectionStillOnlyWatches() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            assertThat(errorFor(ws, auth("x".repeat(43)), "token")).isEqualTo("token: this is not the owner token of "
                    + "instance \"" + id + "\": this connection can still only watch");
            assertThat(errorFor(ws, LINE, "type")).startsWith("type: this connection only watches");
            assertThat(ws.ofType("authorized")).isEmpty();
        }
    }

    @Test
    void anAuthWithoutATokenNamesTheField() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            assertThat(errorFor(ws, "{\"type\": \"auth\"}", "token")).isEqualTo("token: missing");
            assertThat(errorFor(ws, "{\"type\": \"auth\", \"token\": 7}", "token")).isEqualTo("token: expected text");
        }
    }

    /** A read-only share link's instance, opened: its id and replay token. */
    String[] readOnlyReplay() throws Exception {
        JsonNode saved = post("/api/saved-labs", token, "{\"instance\": \"" + id + "\"}");
        JsonNode link = post("/api/saved-labs/" + saved.get("id").stringValue() + "/share-links",
                saved.get("ownerToken").stringValue(), "{\"mode\": \"readonly\"}");
        JsonNode opened = post("/api/share/" + link.get("id").stringValue() + "/instances", null, null);
        return new String[] {opened.get("instance").stringValue(), opened.get("replayToken").stringValue()};
    }

    @Test
    void aReadOnlyReplaysTokenRunsTheReplayOverTheSocket() throws Exception {
        String[] replay = readOnlyReplay();
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + replay[0])) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            ws.send(auth(replay[1]));
            assertThat(ws.await(WsTestClient.type("authorized"), "authorized").get("role").stringValue()).isEqualTo("replay");
            ws.send(PLAY);
            ws.await(m -> m.get("type").stringValue().equals("run-state")
                    && m.get("state").get("mode").stringValue().equals("PLAYING"), "the replay playing");
        }
    }

    @Test
    void aReadOnlyReplayRefusesALineWithAnErrorEvenWithItsToken() throws Exception {
        String[] replay = readOnlyReplay();
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + replay[0])) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.send(auth(replay[1]));
            ws.await(WsTestClient.type("authorized"), "authorized");

            assertThat(errorFor(ws, LINE, "type")).isEqualTo("type: read-only: this instance replays a shared lab; it can "
                    + "be watched and replayed, never changed");
            assertThat(pc1Terminal(ws)).isEmpty();
        }
    }

    @Test
    void aReadOnlyReplayRefusesARunControlWithoutItsToken() throws Exception {
        String[] replay = readOnlyReplay();
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + replay[0])) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            assertThat(errorFor(ws, PLAY, "type")).isEqualTo("type: this connection only watches: send {\"type\": "
                    + "\"auth\", \"token\": \"...\"} with the instance's replay token first");
        }
    }

    @Test
    void theOwnerTokenOfTheSharedInstanceDoesNotRunItsReplay() throws Exception {
        String[] replay = readOnlyReplay();
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + replay[0])) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");

            assertThat(errorFor(ws, auth(token), "token")).startsWith("token: this is not the replay token of instance");
        }
    }
}
