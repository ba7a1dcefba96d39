package dev.packetlab.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server-wide limits over real HTTP, made small so a test reaches them: instances per client address (429) and
 * the size of a request body (413), each a problem detail that names the limit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"packetlab.instances.per-client=2", "packetlab.http.max-body=16KB"})
class ServerLimitsApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** Sends a request with the token of the instance it is about, if the test created that instance. */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpResponse<String> r = HTTP.send(InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path)
                .header("Content-Type", "application/json").method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    HttpResponse<String> create() throws Exception {
        return send("POST", "/api/instances", HttpRequest.BodyPublishers.ofString("{\"lab\": \"switch-basics\"}"));
    }

    String id(HttpResponse<String> created) {
        return JSON.readTree(created.body()).get("instance").stringValue();
    }

    /** A lab file that is valid and longer than 16 KB, thanks to a comment. */
    static String bigLabFileBody(int bytes) {
        return "{\"labFile\": \"id: big\\ntitle: {en: Big}\\nnodes: [{id: a, kind: host}]\\n#" + "x".repeat(bytes)
                + "\\n\"}";
    }

    @Test
    void aClientAddressHoldingAsManyInstancesAsItMayGets429NamingTheLimitUntilItDeletesOne() throws Exception {
        String first = id(create());
        String second = id(create());

        HttpResponse<String> third = create();
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(third.body());
        assertThat(problem.get("title").stringValue()).isEqualTo("Too many instances");
        assertThat(problem.get("limit").intValue()).isEqualTo(2);
        assertThat(problem.get("detail").stringValue())
                .isEqualTo("the address 127.0.0.1 holds 2 lab instances, the most one client address may "
                        + "(packetlab.instances.per-client); delete one it no longer uses (DELETE /api/instances/{id})");

        assertThat(send("DELETE", "/api/instances/" + first, HttpRequest.BodyPublishers.noBody()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> again = create();
        assertThat(again.statusCode()).isEqualTo(201);
        send("DELETE", "/api/instances/" + second, HttpRequest.BodyPublishers.noBody());
        send("DELETE", "/api/instances/" + id(again), HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void instancesOpenedFromShareLinksCountAgainstTheAddressLikeNewOnes() throws Exception {
        String own = id(create());
        JsonNode saved = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/saved-labs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + InstanceTokens.of(own)) // saving an instance takes its owner token
                .POST(HttpRequest.BodyPublishers.ofString("{\"instance\": \"" + own + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String savedLab = saved.get("id").stringValue();
        String savedLabToken = saved.get("ownerToken").stringValue();
        String link = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/saved-labs/" + savedLab + "/share-links"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + savedLabToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\": \"readonly\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("id").stringValue();

        HttpResponse<String> second = send("POST", "/api/share/" + link + "/instances", HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> third = send("POST", "/api/share/" + link + "/instances", HttpRequest.BodyPublishers.noBody());

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).get("limit").intValue()).isEqualTo(2);
        send("DELETE", "/api/instances/" + own, HttpRequest.BodyPublishers.noBody());
        send("DELETE", "/api/instances/" + id(second), HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void aBodyLongerThanTheServerTakesIs413NamingTheLimit() throws Exception {
        String body = bigLabFileBody(20_000);
        HttpResponse<String> r = send("POST", "/api/instances", HttpRequest.BodyPublishers.ofString(body));

        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("title").stringValue()).isEqualTo("Request body too large");
        assertThat(problem.get("limit").longValue()).isEqualTo(16 * 1024);
        assertThat(problem.get("detail").stringValue()).isEqualTo("The body has " + body.length() + " bytes; this server "
                + "takes request bodies of at most 16384 bytes (packetlab.http.max-body).");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/api/instances");
    }

    @Test
    void aBodySentInChunksIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] body = bigLabFileBody(20_000).getBytes();
        HttpResponse<String> r = send("POST", "/api/instances",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).get("detail").stringValue()).startsWith("The body has more than 16384 bytes");
    }

    @Test
    void aBodySentInChunksWithinTheLimitIsTaken() throws Exception {
        byte[] body = bigLabFileBody(10_000).getBytes();
        HttpResponse<String> r = send("POST", "/api/instances",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        send("DELETE", "/api/instances/" + id(r), HttpRequest.BodyPublishers.noBody());
    }
}
