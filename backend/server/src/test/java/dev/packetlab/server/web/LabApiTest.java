package dev.packetlab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheShippedLabsWithTitlesInBothLanguages() throws Exception {
        HttpResponse<String> response = get("/api/labs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode labs = JSON.readTree(response.body());
        assertThat(labs.valueStream().map(lab -> lab.get("id").stringValue()))
                .containsExactlyElementsOf(dev.packetlab.server.labs.ShippedLabs.ids());
        JsonNode switchLab = labs.valueStream().filter(lab -> lab.get("id").stringValue().equals("switch-basics"))
                .findFirst().orElseThrow();
        assertThat(switchLab.get("title").get("en").stringValue()).isEqualTo("Two hosts on a switch");
        assertThat(switchLab.get("title").get("ko").stringValue()).isEqualTo("스위치에 연결된 두 호스트");
        assertThat(switchLab.get("summary").get("en").stringValue())
                .isEqualTo("Ping across a learning switch and watch ARP, flooding and the MAC address table.");
        assertThat(switchLab.get("nodes").intValue()).isEqualTo(3);
        assertThat(switchLab.propertyNames()).containsExactlyInAnyOrder("id", "title", "summary", "nodes");
    }

    @Test
    void answersAnUnknownApiPathWithAProblemDetail() throws Exception {
        HttpResponse<String> response = get("/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(404);
        assertThat(problem.get("title").stringValue()).isEqualTo("Not Found");
        assertThat(problem.get("detail").stringValue()).isEqualTo("No endpoint GET /api/no-such-thing.");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/api/no-such-thing");
        // RFC 9457 3.1.1: an absent "type" means "about:blank".
        assertThat(problem.has("type") ? problem.get("type").stringValue() : "about:blank").isEqualTo("about:blank");
    }

    @Test
    void answersAWrongMethodWithAProblemDetail() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/labs"))
                .DELETE()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(405);
        assertThat(problem.get("instance").stringValue()).isEqualTo("/api/labs");
    }

    @Test
    void servesTheBuiltUserInterfaceAtTheRoot() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>PacketLab</title>").contains("<div id=\"app\"></div>");
    }
}
