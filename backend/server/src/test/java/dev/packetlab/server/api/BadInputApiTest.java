package dev.packetlab.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and careless input to the instance API: values of the wrong type, bodies that are not JSON or not text,
 * ids that do not exist or are not ids. Each answer is a 4xx problem detail naming what is wrong, and the instance
 * goes on working.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BadInputApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    String id;

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    HttpResponse<String> json(String method, String path, String body) throws Exception {
        return send(method, path, "application/json", body.getBytes());
    }

    /** The fields a problem detail names. */
    static List<String> fields(HttpResponse<String> r) {
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        return errors == null ? List.of() : errors.findValuesAsString("field");
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @BeforeEach
    void create() throws Exception {
        id = JSON.readTree(json("POST", "/api/instances", "{\"lab\": \"switch-basics\"}").body()).get("instance")
                .stringValue();
    }

    @AfterEach
    void delete() throws Exception {
        send("DELETE", "/api/instances/" + id, null, null);
    }

    @Test
    void aSeedThatIsNotANumberIsNamed() throws Exception {
        HttpResponse<String> r = json("POST", "/api/instances", "{\"lab\": \"switch-basics\", \"seed\": \"abc\"}");
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("seed");
    }

    @Test
    void aBodyThatIsAJsonArrayIsUnreadable() throws Exception {
        HttpResponse<String> r = json("POST", "/api/instances", "[\"switch-basics\"]");
        assertProblem(r, 400);
        assertThat(JSON.readTree(r.body()).get("title").stringValue()).isEqualTo("Unreadable request body");
    }

    @Test
    void binaryGarbageAsJsonIsUnreadable() throws Exception {
        HttpResponse<String> r = send("POST", "/api/instances/" + id + "/run", "application/json",
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, 0x7f});
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("body");
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() throws Exception {
        HttpResponse<String> r = send("POST", "/api/instances/" + id + "/run", "text/html", "<p>play</p>".getBytes());
        assertProblem(r, 415);
    }

    @Test
    void terminalInputOfTheWrongTypeIsNamed() throws Exception {
        HttpResponse<String> r = json("POST", "/api/instances/" + id + "/nodes/pc1/terminal", "{\"interrupt\": \"yes\"}");
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("interrupt");
    }

    @Test
    void aLinkEditOfTheWrongTypeIsNamedAsInTheLabFile() throws Exception {
        HttpResponse<String> r = json("PATCH", "/api/instances/" + id + "/links/pc1:eth0-sw1:p1", "{\"delay\": true}");
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("links[0].delay");
    }

    @Test
    void aNodeEditOfTheWrongTypeIsNamedAsInTheLabFile() throws Exception {
        HttpResponse<String> r = json("PATCH", "/api/instances/" + id + "/nodes/pc1", "{\"ip\": [1, 2]}");
        assertProblem(r, 400);
        assertThat(fields(r)).first().isEqualTo("nodes[0].ip"); // then the lab's checks that need pc1's address
    }

    @Test
    void aPacketNumberThatIsNotANumberIsNamed() throws Exception {
        HttpResponse<String> r = send("GET", "/api/instances/" + id + "/packets/abc", null, null);
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("number");
    }

    @Test
    void aJobNumberBeyondALongIsNamed() throws Exception {
        HttpResponse<String> r = send("GET", "/api/instances/" + id + "/jobs/99999999999999999999", null, null);
        assertProblem(r, 400);
        assertThat(fields(r)).containsExactly("job");
    }

    @Test
    void anIdThatIsNoIdIsA404NamingIt() throws Exception {
        HttpResponse<String> r = send("GET", "/api/instances/%C3%BC%3Cscript%3E", null, null);
        assertProblem(r, 404);
        assertThat(JSON.readTree(r.body()).get("detail").stringValue()).isEqualTo("no instance \"ü<script>\".");
    }

    @Test
    void afterAllOfThatTheInstanceStillWorks() throws Exception {
        json("POST", "/api/instances/" + id + "/run", "{\"action\": \"rewind\"}");
        send("POST", "/api/instances/" + id + "/run", "application/json", new byte[] {0, 0, 0});
        HttpResponse<String> r = json("POST", "/api/instances/" + id + "/nodes/pc1/commands",
                "{\"line\": \"echo alive\", \"runUntilExit\": true}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("output").stringValue()).isEqualTo("alive\n");
    }
}
