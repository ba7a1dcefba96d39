package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load test, bounded and on loopback only: 200 instances of the TCP lab, each pinging once a second and
 * playing in real time, each with its own WebSocket client, while REST requests go to random instances. The server
 * must stay responsive (REST p99), keep every client current (batch lag), let no instance starve (each one's
 * simulated clock keeps up with the wall clock) and keep its memory bounded. The figures are printed as RESULT lines.
 */
// all 200 come from one address, beyond what one client may hold by default
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "packetlab.instances.per-client=250")
class TwoHundredInstancesLoadTest {
    static final int INSTANCES = 200;
    static final Duration LOAD = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(InstanceTokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        InstanceTokens.remember(r.body());
        return r.body();
    }

    /** Counts what a client receives and how late each batch arrives. */
    static final class Client implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final AtomicLong frames = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final ConcurrentLinkedQueue<Long> lags;

        Client(ConcurrentLinkedQueue<Long> lags) {
            this.lags = lags;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode batch = JSON.readTree(partial.toString());
                partial.setLength(0);
                lags.add(System.currentTimeMillis() - batch.get("sentAt").longValue() + batch.get("age").longValue());
                batches.incrementAndGet();
                for (JsonNode m : batch.get("messages")) if (m.get("type").stringValue().equals("frame")) frames.incrementAndGet();
            }
            ws.request(1);
            return null;
        }
    }

    @Test
    void twoHundredPlayingInstancesWithAClientEachStayResponsiveAndNoneStarves() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < INSTANCES; i++) {
            String id = JSON.readTree(post("/api/instances", "{\"lab\": \"tcp-connection\"}")).get("instance").stringValue();
            ids.add(id);
            Client c = new Client(lags);
            clients.add(c);
            sockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/labs/" + id), c)
                    .get(10, TimeUnit.SECONDS));
            post("/api/instances/" + id + "/nodes/pc1/commands", "{\"line\": \"ping 10.0.0.2\"}");
            post("/api/instances/" + id + "/run", "{\"action\": \"PLAY\", \"speed\": 1}");
        }
        lags.clear(); // the start-up batches waited for the instances being created one by one
        long[] simAtStart = new long[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) simAtStart[i] = simTime(ids.get(i));

        long start = System.nanoTime();
        Random random = new Random(1);
        List<Long> rest = new ArrayList<>();
        while (System.nanoTime() - start < LOAD.toNanos()) {
            String id = ids.get(random.nextInt(INSTANCES));
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/api/instances/" + id + "/run")).build(), HttpResponse.BodyHandlers.ofString());
            rest.add(System.nanoTime() - t0);
            assertThat(r.statusCode()).isEqualTo(200);
            Thread.sleep(20);
        }

        // every instance's clock kept up with the wall clock: it plays in real time
        List<Double> simSeconds = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) simSeconds.add((simTime(ids.get(i)) - simAtStart[i]) / 1e9);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (WebSocket ws : sockets) ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        long[] restSorted = rest.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] lagSorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double minSim = simSeconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        long minFrames = clients.stream().mapToLong(c -> c.frames.get()).min().orElseThrow();
        System.out.printf("RESULT load instances=%d wall=%.1fs rest_requests=%d rest_p50=%.1fms rest_p99=%.1fms "
                        + "batches=%d batch_lag_p50=%dms batch_lag_p99=%dms min_sim_advance=%.1fs min_frames_per_client=%d "
                        + "heap_after_gc=%dMiB%n", INSTANCES, wallSeconds, restSorted.length,
                percentile(restSorted, 50) / 1e6, percentile(restSorted, 99) / 1e6, lagSorted.length,
                percentile(lagSorted, 50), percentile(lagSorted, 99), minSim, minFrames, heap >> 20);

        assertThat(percentile(restSorted, 99)).as("REST p99").isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(percentile(lagSorted, 99)).as("batch lag p99, ms").isLessThan(2_000);
        assertThat(minSim).as("simulated seconds of the slowest instance over the load").isGreaterThan(LOAD.toSeconds() * 0.8);
        assertThat(minFrames).as("frames the least served client saw").isGreaterThan(0);
        assertThat(heap).as("heap after GC").isLessThan(1L << 30);
    }

    long simTime(String id) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/instances/" + id + "/run")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("time").longValue();
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
