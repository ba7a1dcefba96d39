package dev.packetlab.server.runtime;

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
 * A live instance outlives a server restart without being saved: the whole application with its shipped
 * configuration (H2 in a file in a temporary directory) runs a lab, stops, starts again on the same files, and the
 * same instance id answers with the same lab at the same point; its owner token still changes it.
 */
class LiveInstanceRestartTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aLiveInstanceIsThereUnderItsIdAfterARestartWhereItStood() throws Exception {
        String instance;
        String ownerToken;
        JsonNode before;
        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);
            JsonNode created = JSON.readTree(send("POST", base + "/api/instances", null,
                    "{\"lab\": \"switch-basics\", \"seed\": 5}", 201).body());
            instance = created.get("instance").stringValue();
            ownerToken = created.get("ownerToken").stringValue();
            send("POST", base + "/api/instances/" + instance + "/nodes/pc1/commands", ownerToken,
                    "{\"line\": \"ping -c 2 192.168.1.20\", \"runUntilExit\": true}", 200);
            before = JSON.readTree(send("GET", base + "/api/instances/" + instance, null, null, 200).body());
        }

        try (ConfigurableApplicationContext server = start()) {
            String base = baseUrl(server);
            JsonNode after = JSON.readTree(send("GET", base + "/api/instances/" + instance, null, null, 200).body());

            assertThat(after.get("run").get("time")).isEqualTo(before.get("run").get("time"));
            assertThat(after.get("run").get("events")).isEqualTo(before.get("run").get("events"));
            assertThat(after.get("terminals")).isEqualTo(before.get("terminals"));
            JsonNode job = JSON.readTree(send("POST", base + "/api/instances/" + instance + "/nodes/pc1/commands",
                    ownerToken, "{\"line\": \"arp -n\", \"runUntilExit\": true}", 200).body());
            assertThat(job.get("output").stringValue()).contains("192.168.1.20");
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

    private static HttpResponse<String> send(String method, String url, String token, String json, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(status);
        return response;
    }
}
