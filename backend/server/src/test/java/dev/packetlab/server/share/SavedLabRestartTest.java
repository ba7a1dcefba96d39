package dev.packetlab.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.PacketLabApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * (H2 in a file under {@code packetlab.data-dir}, here a temporary directory), a live lab is saved and shared, the
 * server is stopped and started again on the same files, and the links give back the same lab file, seed and command
 * log, which replay to the same point with the same terminal output.
 */
class SavedLabRestartTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void savedLabsAndShareLinksOutliveARestart() throws Exception {
        String labId;
        String ownerToken;
        String readOnlyLink;
        String forkLink;
        JsonNode live;
        JsonNode saved;
        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);
            JsonNode opened = JSON.readTree(send("POST", base + "/api/instances", null,
                    "{\"lab\": \"switch-basics\", \"seed\": 5}", 201).body());
            String instance = opened.get("instance").stringValue();
            String instanceToken = opened.get("ownerToken").stringValue();
            send("POST", base + "/api/instances/" + instance + "/nodes/pc1/commands", instanceToken,
                    "{\"line\": \"ping -c 2 192.168.1.20\", \"runUntilExit\": true}", 200);
            live = JSON.readTree(send("GET", base + "/api/instances/" + instance, null, null, 200).body());
            JsonNode created = JSON.readTree(send("POST", base + "/api/saved-labs", instanceToken,
                    "{\"instance\": \"" + instance + "\"}", 201).body());
            labId = created.get("id").stringValue();
            ownerToken = created.get("ownerToken").stringValue();
            saved = JSON.readTree(send("GET", base + "/api/saved-labs/" + labId, ownerToken, null, 200).body());
            readOnlyLink = JSON.readTree(send("POST", base + "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"readonly\"}", 201).body()).get("id").stringValue();
            forkLink = JSON.readTree(send("POST", base + "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"fork\", \"at\": 0}", 201).body()).get("id").stringValue();
        }
        assertThat(dataDir.resolve("packetlab.mv.db")).isRegularFile();
        assertThat(saved.get("seed").longValue()).isEqualTo(5);
        assertThat(saved.get("log").get(0).get("line").stringValue()).isEqualTo("ping -c 2 192.168.1.20");

        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);

            JsonNode readOnly = JSON.readTree(send("GET", base + "/api/share/" + readOnlyLink, null, null, 200).body());
            assertThat(readOnly.get("readOnly").booleanValue()).isTrue();
            assertThat(readOnly.get("fileName")).isEqualTo(saved.get("fileName"));
            assertThat(readOnly.get("labFile")).isEqualTo(saved.get("labFile"));
            assertThat(readOnly.get("seed")).isEqualTo(saved.get("seed"));
            assertThat(readOnly.get("log")).isEqualTo(saved.get("log"));
            assertThat(readOnly.get("time")).isEqualTo(saved.get("time"));
            assertThat(readOnly.get("events")).isEqualTo(saved.get("events"));

            JsonNode replayed = JSON.readTree(send("POST", base + "/api/share/" + readOnlyLink + "/instances", null,
                    null, 201).body());
            assertThat(replayed.get("run").get("time")).isEqualTo(live.get("run").get("time"));
            assertThat(replayed.get("run").get("events")).isEqualTo(live.get("run").get("events"));
            assertThat(replayed.get("terminals")).isEqualTo(live.get("terminals"));

            JsonNode fork = JSON.readTree(send("GET", base + "/api/share/" + forkLink, null, null, 200).body());
            assertThat(fork.get("readOnly").booleanValue()).isFalse();
            assertThat(fork.get("time").longValue()).isZero();
            assertThat(fork.get("log").size()).isEqualTo(1); // the ping was typed at 0 s

            JsonNode owned = JSON.readTree(send("GET", base + "/api/saved-labs/" + labId, ownerToken, null, 200).body());
            assertThat(owned).isEqualTo(saved);
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

    private static HttpResponse<String> send(String method, String url, String ownerToken, String json, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (ownerToken != null) request.header("Authorization", "Bearer " + ownerToken);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(status);
        return response;
    }
}
