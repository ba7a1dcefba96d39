package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The switching loop over real HTTP and a real WebSocket: two switches cabled to each other three times and a
 * ping to an address nobody has make a broadcast storm. The instance is throttled and its client told why, while
 * another instance runs a ping to the end and the server answers requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StormContainmentTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LOOP = """
            id: switching-loop
            title: {en: "A switching loop"}
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
              - {id: pc2, kind: host, ip: 10.0.0.2/24}
              - {id: sw1, kind: switch}
              - {id: sw2, kind: switch}
            links:
              - {a: pc1, b: sw1}
              - {a: pc2, b: sw2}
              - {a: sw1, b: sw2}
              - {a: sw1, b: sw2}
              - {a: sw1, b: sw2}
            """;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path)
                .timeout(Duration.ofSeconds(60));
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        InstanceTokens.remember(r.body());
        return r;
    }

    String create(String body) throws Exception {
        HttpResponse<String> r = send("POST", "/api/instances", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("instance").stringValue();
    }

    /**
     * A client that keeps only what this test looks at: a storm sends tens of thousands of messages a second, too
     * many to keep.
     */
    static final class Watcher implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final CompletableFuture<JsonNode> throttled = new CompletableFuture<>();
        final CompletableFuture<JsonNode> requested = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                for (JsonNode m : JSON.readTree(partial.toString()).get("messages")) {
                    String type = m.get("type").stringValue();
                    counts.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
                    if (type.equals("throttled")) throttled.complete(m);
                    if (type.equals("snapshot") && m.get("reason").stringValue().equals("requested")) requested.complete(m);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }

    @Test
    void aBroadcastStormIsThrottledAndToldWhyWhileAnotherInstanceAndTheServerGoOn() throws Exception {
        String storm = create(JSON.writeValueAsString(Map.of("labFile", LOOP)));
        String other = create("{\"lab\": \"switch-basics\"}");
        Watcher watcher = new Watcher();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/labs/" + storm),
                watcher).get(10, TimeUnit.SECONDS);

        send("POST", "/api/instances/" + storm + "/nodes/pc1/commands", "{\"line\": \"ping -c 1 10.0.0.99\", \"background\": true}");
        assertThat(send("POST", "/api/instances/" + storm + "/run", "{\"action\": \"PLAY\", \"speed\": 1}").statusCode())
                .isEqualTo(200);
        JsonNode throttled = watcher.throttled.get(30, TimeUnit.SECONDS);

        // meanwhile, another instance runs a ping to its end and the server answers at once
        long started = System.nanoTime();
        HttpResponse<String> ping = send("POST", "/api/instances/" + other + "/nodes/pc1/commands",
                "{\"line\": \"ping -c 3 192.168.1.20\", \"runUntilExit\": true}");
        double pingSeconds = (System.nanoTime() - started) / 1e9;
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            assertThat(send("GET", "/api/instances/" + other + "/run", null).statusCode()).isEqualTo(200);
            slowest = Math.max(slowest, System.nanoTime() - t);
        }
        JsonNode stormState = JSON.readTree(send("GET", "/api/instances/" + storm + "/run", null).body());
        ws.sendText("{\"type\": \"snapshot\"}", true).join();
        JsonNode snapshot = watcher.requested.get(30, TimeUnit.SECONDS);
        System.out.printf("RESULT storm: %s; the other instance's ping -c 3 run until exit took %.3f s, slowest of 20 "
                + "REST requests %.1f ms; the storm's client received %s%n", throttled.get("detail").stringValue(),
                pingSeconds, slowest / 1e6, watcher.counts);

        assertThat(throttled.get("cause").stringValue()).isEqualTo("switching-loop");
        assertThat(throttled.get("node").stringValue()).startsWith("sw");
        // watched, each event costs more: the processor time may run out before the events do
        assertThat(throttled.get("resource").stringValue() + " " + throttled.get("limit").longValue())
                .isIn("events 200000", "processor 250");
        assertThat(stormState.get("throttled").booleanValue()).isTrue();
        assertThat(stormState.get("behind").booleanValue()).isTrue();
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ping.body()).get("output").stringValue()).contains("3 packets transmitted, 3 received");
        assertThat(slowest).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(snapshot.get("snapshot").get("run").get("throttled").booleanValue()).isTrue();
        assertThat(watcher.closed).isNotDone();
        JsonNode metric = JSON.readTree(send("GET", "/actuator/metrics/packetlab.instances.throttled", null).body());
        assertThat(metric.get("measurements").get(0).get("value").doubleValue()).isGreaterThanOrEqualTo(1);

        send("DELETE", "/api/instances/" + storm, null);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
