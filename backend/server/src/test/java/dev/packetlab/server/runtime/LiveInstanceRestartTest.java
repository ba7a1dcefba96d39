package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.ShippedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live instance outlives a server restart without being saved: the whole application with its shipped
 * configuration (H2 in a file in a temporary directory) runs a lab, stops, starts again on the same files, and the
 * same instance id answers with the same lab at the same point; its owner token still changes it.
 */
class LiveInstanceRestartTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void aLiveInstanceIsThereUnderItsIdAfterARestartWhereItStood() throws Exception {
        String instance;
        String ownerToken;
        JsonNode before;
        try (ShippedServer server = ShippedServer.start(dataDir)) {
            JsonNode created = JSON.readTree(server.send("POST", "/api/instances", null,
                    "{\"lab\": \"switch-basics\", \"seed\": 5}", 201).body());
            instance = created.get("instance").stringValue();
            ownerToken = created.get("ownerToken").stringValue();
            server.send("POST", "/api/instances/" + instance + "/nodes/pc1/commands", ownerToken,
                    "{\"line\": \"ping -c 2 192.168.1.20\", \"runUntilExit\": true}", 200);
            before = JSON.readTree(server.send("GET", "/api/instances/" + instance, null, null, 200).body());
        }

        try (ShippedServer server = ShippedServer.start(dataDir)) {
            JsonNode after = JSON.readTree(server.send("GET", "/api/instances/" + instance, null, null, 200).body());

            assertThat(after.get("run").get("time")).isEqualTo(before.get("run").get("time"));
            assertThat(after.get("run").get("events")).isEqualTo(before.get("run").get("events"));
            assertThat(after.get("terminals")).isEqualTo(before.get("terminals"));
            JsonNode job = JSON.readTree(server.send("POST", "/api/instances/" + instance + "/nodes/pc1/commands",
                    ownerToken, "{\"line\": \"arp -n\", \"runUntilExit\": true}", 200).body());
            assertThat(job.get("output").stringValue()).contains("192.168.1.20");
        }
    }
}
