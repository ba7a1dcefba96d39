package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import dev.packetlab.server.WsTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends that is wrong gets an error naming what is wrong; the connection goes on working. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SocketInputTest {
    @LocalServerPort
    int port;

    String id;

    @BeforeEach
    void create() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/instances"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"lab\": \"switch-basics\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        id = WsTestClient.JSON.readTree(r.body()).get("instance").stringValue();
        InstanceTokens.remember(r.body());
    }

    static Predicate<JsonNode> error(String field) {
        return m -> m.get("type").stringValue().equals("error")
                && (field == null ? !m.has("field") : m.has("field") && m.get("field").stringValue().equals(field));
    }

    /** Sends {@code message} and returns the error it gets, after checking the connection still answers. */
    JsonNode errorFor(WsTestClient ws, String message, String field) throws Exception {
        int from = ws.count();
        ws.send(message);
        return ws.awaitFrom(from, error(field), "an error naming " + field + " for " + message);
    }

    @Test
    void eachMalformedMessageGetsAnErrorNamingWhatIsWrong() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.authorized(id);

            assertThat(errorFor(ws, "this is not json", null).get("message").stringValue()).startsWith("not JSON");
            assertThat(errorFor(ws, "[1, 2]", null).get("message").stringValue())
                    .isEqualTo("expected a JSON object with a \"type\"");
            assertThat(errorFor(ws, "{\"type\": \"reboot\"}", "type").get("message").stringValue())
                    .isEqualTo("type: unknown message type \"reboot\" (known: auth, line, keys, interrupt, eof, control, snapshot)");
            assertThat(errorFor(ws, "{\"type\": \"line\", \"text\": \"ls\"}", "node").get("message").stringValue())
                    .isEqualTo("node: missing");
            assertThat(errorFor(ws, "{\"type\": \"line\", \"node\": 7, \"text\": \"ls\"}", "node")).isNotNull();
            assertThat(errorFor(ws, "{\"type\": \"line\", \"node\": \"pc9\", \"text\": \"ls\"}", "node")
                    .get("message").stringValue()).startsWith("no node \"pc9\"");
            assertThat(errorFor(ws, "{\"type\": \"control\", \"action\": \"play\", \"speed\": 5000}", "speed")).isNotNull();
            assertThat(errorFor(ws, "{\"type\": \"control\", \"action\": \"rewind\"}", "action")).isNotNull();
            assertThat(errorFor(ws, "{\"type\": \"control\", \"action\": \"seek\"}", "time")).isNotNull();
            assertThat(errorFor(ws, "{\"type\": \"control\", \"action\": \"seek\", \"time\": -5}", "time")).isNotNull();
            int from = ws.count();
            ws.sendBinary(new byte[] {0, (byte) 0xff, 0x13, 0x37});
            assertThat(ws.awaitFrom(from, error(null).and(m -> m.get("message").stringValue().startsWith("binary")), "binary error"))
                    .isNotNull();

            // and the same connection still does what a good message asks
            ws.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"echo still here\"}");
            ws.await(m -> m.get("type").stringValue().equals("terminal") && m.get("text").stringValue().equals("still here\n"),
                    "the echo");
        }
    }

    @Test
    void keysAreEditedOnTheServerEchoedAndEnterRunsTheLine() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.authorized(id);

            ws.send("{\"type\": \"keys\", \"node\": \"pc1\", \"data\": \"echo hx\\u007fi\", \"cols\": 80}");
            JsonNode echo = ws.await(m -> m.get("type").stringValue().equals("echo"), "the echo");
            assertThat(echo.get("node").stringValue()).isEqualTo("pc1");
            assertThat(echo.get("text").stringValue()).isEqualTo("$ echo hi");
            assertThat(echo.get("prompt").stringValue()).isEqualTo("$ ");
            assertThat(echo.get("line").stringValue()).isEqualTo("echo hi");
            assertThat(echo.get("cursor").intValue()).isEqualTo(7);

            int from = ws.count();
            ws.send("{\"type\": \"keys\", \"node\": \"pc1\", \"data\": \"\\r\"}");
            ws.awaitFrom(from, m -> m.get("type").stringValue().equals("echo")
                    && m.get("text").stringValue().equals("$ "), "the prompt after the output");
            List<String> screen = ws.messages().subList(from, ws.count()).stream()
                    .filter(m -> m.get("type").stringValue().equals("echo") || m.get("type").stringValue().equals("terminal"))
                    .map(m -> m.get("text").stringValue()).toList();
            assertThat(String.join("", screen)).isEqualTo("\r\u001b[J$ echo hi\nhi\n$ ");
        }
    }

    @Test
    void keysOfTheWrongShapeGetAnErrorNamingTheField() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.authorized(id);

            assertThat(errorFor(ws, "{\"type\": \"keys\", \"node\": \"pc1\"}", "data").get("message").stringValue())
                    .isEqualTo("data: missing");
            assertThat(errorFor(ws, "{\"type\": \"keys\", \"node\": \"pc1\", \"data\": [1]}", "data")).isNotNull();
            assertThat(errorFor(ws, "{\"type\": \"keys\", \"node\": \"pc1\", \"data\": \"x\", \"cols\": 3}", "cols")
                    .get("message").stringValue()).isEqualTo("cols: expected a whole number of columns from 10 to 1000");
            assertThat(errorFor(ws, "{\"type\": \"keys\", \"node\": \"pc1\", \"data\": \"" + "x".repeat(5000) + "\"}",
                    "data").get("message").stringValue()).isEqualTo("data: longer than 4096 characters");
            assertThat(errorFor(ws, "{\"type\": \"keys\", \"node\": \"pc9\", \"data\": \"x\"}", "node")).isNotNull();
        }
    }

    @Test
    void aMessageLargerThanTheServerTakesClosesThatConnectionWith1009AndNoOther() throws Exception {
        try (WsTestClient other = new WsTestClient(port, "/ws/labs/" + id);
             WsTestClient huge = new WsTestClient(port, "/ws/labs/" + id)) {
            huge.await(WsTestClient.type("snapshot"), "snapshot");
            other.await(WsTestClient.type("snapshot"), "snapshot");
            other.authorized(id);

            huge.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"" + "x".repeat(100_000) + "\"}");

            assertThat(huge.awaitClose()).startsWith("1009"); // RFC 6455 7.4.1: too big to process
            other.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"echo unharmed\"}");
            other.await(m -> m.get("type").stringValue().equals("terminal")
                    && m.get("text").stringValue().equals("unharmed\n"), "the other client's echo");
        }
    }

    @Test
    void anUnknownInstanceIsAnErrorAndACloseWith4404() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/no-such-instance")) {
            assertThat(ws.await(error("id"), "error").get("message").stringValue())
                    .isEqualTo("no instance \"no-such-instance\"");
            assertThat(ws.awaitClose()).startsWith("4404");
        }
    }

    @Test
    void runControlsOverTheSocketAnswerWithTheRunState() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/labs/" + id)) {
            ws.await(WsTestClient.type("snapshot"), "snapshot");
            ws.authorized(id);
            ws.send("{\"type\": \"control\", \"action\": \"play\", \"speed\": 0.001, \"skipIdle\": true}");
            JsonNode state = ws.await(WsTestClient.type("run-state"), "run state").get("state");
            assertThat(state.get("mode").stringValue()).isEqualTo("PLAYING");
            assertThat(state.get("speed").doubleValue()).isEqualTo(0.001);
            assertThat(state.get("skipIdle").booleanValue()).isTrue();
        }
    }
}
