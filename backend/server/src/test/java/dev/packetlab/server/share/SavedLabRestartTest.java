package dev.packetlab.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.ShippedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        try (ShippedServer server = ShippedServer.start(dataDir)) {
            JsonNode opened = JSON.readTree(server.send("POST", "/api/instances", null,
                    "{\"lab\": \"switch-basics\", \"seed\": 5}", 201).body());
            String instance = opened.get("instance").stringValue();
            String instanceToken = opened.get("ownerToken").stringValue();
            server.send("POST", "/api/instances/" + instance + "/nodes/pc1/commands", instanceToken,
                    "{\"line\": \"ping -c 2 192.168.1.20\", \"runUntilExit\": true}", 200);
            live = JSON.readTree(server.send("GET", "/api/instances/" + instance, null, null, 200).body());
            JsonNode created = JSON.readTree(server.send("POST", "/api/saved-labs", instanceToken,
                    "{\"instance\": \"" + instance + "\"}", 201).body());
            labId = created.get("id").stringValue();
            ownerToken = created.get("ownerToken").stringValue();
            saved = JSON.readTree(server.send("GET", "/api/saved-labs/" + labId, ownerToken, null, 200).body());
            readOnlyLink = JSON.readTree(server.send("POST", "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"readonly\"}", 201).body()).get("id").stringValue();
            forkLink = JSON.readTree(server.send("POST", "/api/saved-labs/" + labId + "/share-links", ownerToken,
                    "{\"mode\": \"fork\", \"at\": 0}", 201).body()).get("id").stringValue();
        }
        assertThat(dataDir.resolve("packetlab.mv.db")).isRegularFile();
        assertThat(saved.get("seed").longValue()).isEqualTo(5);
        assertThat(saved.get("log").get(0).get("line").stringValue()).isEqualTo("ping -c 2 192.168.1.20");

        try (ShippedServer server = ShippedServer.start(dataDir)) {

            JsonNode readOnly = JSON.readTree(server.send("GET", "/api/share/" + readOnlyLink, null, null, 200).body());
            assertThat(readOnly.get("readOnly").booleanValue()).isTrue();
            assertThat(readOnly.get("fileName")).isEqualTo(saved.get("fileName"));
            assertThat(readOnly.get("labFile")).isEqualTo(saved.get("labFile"));
            assertThat(readOnly.get("seed")).isEqualTo(saved.get("seed"));
            assertThat(readOnly.get("log")).isEqualTo(saved.get("log"));
            assertThat(readOnly.get("time")).isEqualTo(saved.get("time"));
            assertThat(readOnly.get("events")).isEqualTo(saved.get("events"));

            JsonNode replayed = JSON.readTree(server.send("POST", "/api/share/" + readOnlyLink + "/instances", null,
                    null, 201).body());
            assertThat(replayed.get("run").get("time")).isEqualTo(live.get("run").get("time"));
            assertThat(replayed.get("run").get("events")).isEqualTo(live.get("run").get("events"));
            assertThat(replayed.get("terminals")).isEqualTo(live.get("terminals"));

            JsonNode fork = JSON.readTree(server.send("GET", "/api/share/" + forkLink, null, null, 200).body());
            assertThat(fork.get("readOnly").booleanValue()).isFalse();
            assertThat(fork.get("time").longValue()).isZero();
            assertThat(fork.get("log").size()).isEqualTo(1); // the ping was typed at 0 s

            JsonNode owned = JSON.readTree(server.send("GET", "/api/saved-labs/" + labId, ownerToken, null, 200).body());
            assertThat(owned).isEqualTo(saved);
        }
    }
}
