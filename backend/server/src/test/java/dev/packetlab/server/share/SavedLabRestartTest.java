package dev.packetlab.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.PacketLabApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server restart loses no saved lab and no share link: the whole application runs with its shipped configuration
 * (H2 in a file under {@code packetlab.data-dir}, here a temporary directory), is stopped, started again on the same
 * files, and gives back the same lab file, seed and command log through the same links.
 */
class SavedLabRestartTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LAB_FILE = """
            id: two-hosts
            title: {en: "Two hosts"}
            seed: 3
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
              - {id: pc2, kind: host, ip: 10.0.0.2/24}
            links:
              - {a: pc1, b: pc2, delay: 5ms}
            """;
    static final String LOG = """
            [{"type": "execute", "time": 0, "events": 0, "node": "pc1", "line": "ping -c 2 10.0.0.2",
              "background": true, "job": 1},
             {"type": "line", "time": 1500000000, "events": 25, "node": "pc2", "text": "arp -n"}]""";

    @TempDir
    Path dataDir;

    @Test
    void savedLabsAndShareLinksOutliveARestart() throws Exception {
        String labId;
        String ownerToken;
        String readOnlyLink;
        String forkLink;
        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);
            JsonNode created = JSON.readTree(post(base + "/api/saved-labs", null, "{\"fileName\": \"two-hosts.yaml\", \"labFile\": "
                    + JSON.writeValueAsString(LAB_FILE) + ", \"seed\": 11, \"log\": " + LOG
                    + ", \"time\": 2000000000, \"events\": 30}").body());
            labId = created.get("id").stringValue();
            ownerToken = created.get("ownerToken").stringValue();
            readOnlyLink = JSON.readTree(post(base + "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"readonly\"}").body()).get("id").stringValue();
            forkLink = JSON.readTree(post(base + "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"fork\", \"at\": 1000000000}").body()).get("id").stringValue();
        }
        assertThat(dataDir.resolve("packetlab.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);

            JsonNode readOnly = JSON.readTree(get(base + "/api/share/" + readOnlyLink, null).body());
            assertThat(readOnly.get("readOnly").booleanValue()).isTrue();
            assertThat(readOnly.get("fileName").stringValue()).isEqualTo("two-hosts.yaml");
            assertThat(readOnly.get("labFile").stringValue()).isEqualTo(LAB_FILE);
            assertThat(readOnly.get("seed").longValue()).isEqualTo(11);
            assertThat(readOnly.get("log")).isEqualTo(JSON.readTree(LOG));
            assertThat(readOnly.get("time").longValue()).isEqualTo(2_000_000_000L);
            assertThat(readOnly.get("events").longValue()).isEqualTo(30);

            JsonNode fork = JSON.readTree(get(base + "/api/share/" + forkLink, null).body());
            assertThat(fork.get("readOnly").booleanValue()).isFalse();
            assertThat(fork.get("time").longValue()).isEqualTo(1_000_000_000L);
            assertThat(fork.get("log")).isEqualTo(JSON.readTree("[" + JSON.readTree(LOG).get(0) + "]"));

            HttpResponse<String> owned = get(base + "/api/saved-labs/" + labId, ownerToken);
            assertThat(owned.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(owned.body()).get("log")).isEqualTo(JSON.readTree(LOG));
        }
    }

    /** The application as {@code ./packetlab} starts it: only the shipped application.properties, a random port. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PacketLabApplication.class).run(
                "--spring.config.location=classpath:/application.properties",
                "--server.port=0",
                "--packetlab.data-dir=" + dataDir);
    }

    private static String baseUrl(ConfigurableApplicationContext server) {
        return "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    }

    private static HttpResponse<String> post(String url, String ownerToken, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ownerToken != null) request.header("Authorization", "Bearer " + ownerToken);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static HttpResponse<String> get(String url, String ownerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (ownerToken != null) request.header("Authorization", "Bearer " + ownerToken);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
