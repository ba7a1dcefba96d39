package dev.packetlab.server.classroom;

import static dev.packetlab.server.classroom.ClassHttp.JSON;
import static dev.packetlab.server.classroom.ClassHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.WsTestClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The load test, bounded and on loopback only: one class of 60 students, each with their own lab playing in
 * real time with traffic running (pc1 pings pc2 ten times a second, in the background) and a live WebSocket of it, plus the teacher's
 * dashboard. Every student then passes two steps: {@code show mac} on sw1 (step 3, judged the moment it prints) and
 * {@code ping -c 3} on pc1 (step 2, two seconds later). Measured: how long from sending {@code show mac} until the
 * dashboard shows it (end to end), and from each verdict on the server until the dashboard has it; that no student's
 * lab starves (its clock keeps up and its socket keeps getting frames); and the heap. The figures are printed as
 * RESULT lines; the target is a dashboard within one second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassOfSixtyLoadTest {
    static final int STUDENTS = 60;

    @LocalServerPort
    int port;

    /** Counts the frames a student's lab socket receives. */
    static final class LabClient implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final AtomicLong frames = new AtomicLong();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode batch = JSON.readTree(partial.toString());
                partial.setLength(0);
                for (JsonNode m : batch.get("messages")) if (m.get("type").stringValue().equals("frame")) frames.incrementAndGet();
            }
            ws.request(1);
            return null;
        }
    }

    @Test
    void aClassOfSixtyWithTrafficGetsEveryVerdictOnTheDashboardWithinASecond() throws Exception {
        ClassHttp http = new ClassHttp(port);
        long heapBefore = usedHeapAfterGc();
        JsonNode c = http.createClass("switch-basics");
        String id = text(c, "id");
        HttpClient client = HttpClient.newHttpClient();

        List<JsonNode> students = new ArrayList<>();
        List<LabClient> labs = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            JsonNode s = http.join(text(c, "joinCode"), "Student " + (i + 1));
            students.add(s);
            LabClient lab = new LabClient();
            labs.add(lab);
            sockets.add(client.newWebSocketBuilder().buildAsync(
                    URI.create("ws://localhost:" + port + "/ws/labs/" + text(s, "instance")), lab).get(10, TimeUnit.SECONDS));
            http.expect(202, "POST", "/api/instances/" + text(s, "instance") + "/nodes/pc1/commands", null,
                    "{\"line\": \"ping -i 0.1 192.168.1.20\", \"background\": true}");
            http.expect(200, "POST", "/api/instances/" + text(s, "instance") + "/run", null,
                    "{\"action\": \"PLAY\", \"speed\": 1}");
        }
        long playing = System.nanoTime();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < STUDENTS; i++) index.put(text(students.get(i), "member"), i);

        try (WsTestClient dashboard = new WsTestClient(port, "/ws/classes/" + id + "/dashboard?token="
                + text(c, "teacherToken"))) {
            dashboard.await(WsTestClient.type("dashboard"), "the dashboard");
            Thread.sleep(3000); // every lab has traffic, every switch has learned both hosts

            long[] sent = new long[STUDENTS];
            long[] frames = new long[STUDENTS];
            for (int i = 0; i < STUDENTS; i++) frames[i] = labs.get(i).frames.get();
            for (int i = 0; i < STUDENTS; i++) {
                String lab = "/api/instances/" + text(students.get(i), "instance");
                sent[i] = System.currentTimeMillis();
                http.send("POST", lab + "/nodes/sw1/commands", null, "{\"line\": \"show mac\"}");
                http.expect(202, "POST", lab + "/nodes/pc1/commands", null, "{\"line\": \"ping -c 3 192.168.1.20\"}");
                Thread.sleep(150);
            }
            dashboard.await(m -> m.get("type").stringValue().equals("students")
                    && m.get("summary").get(1).get("passed").intValue() == STUDENTS
                    && m.get("summary").get(2).get("passed").intValue() == STUDENTS, "every student through steps 2 and 3");

            // when the dashboard first showed each verdict: end to end for step 3, and server verdict to dashboard
            List<Long> endToEnd = new ArrayList<>();
            List<Long> serverToDashboard = new ArrayList<>();
            boolean[][] seen = new boolean[STUDENTS][4];
            List<JsonNode> messages = dashboard.messages();
            for (int k = 0; k < messages.size(); k++) {
                JsonNode m = messages.get(k);
                if (!m.get("type").stringValue().equals("students")) continue;
                long received = dashboard.receivedAt(k);
                for (JsonNode row : m.get("students")) {
                    int i = index.get(text(row, "id"));
                    for (int step = 2; step <= 3; step++) {
                        if (seen[i][step] || !text(row.get("steps").get(step - 1), "status").equals("passed")) continue;
                        seen[i][step] = true;
                        serverToDashboard.add(received - row.get("changedAt").longValue());
                        if (step == 3) endToEnd.add(received - sent[i]);
                    }
                }
            }

            double seconds = (System.nanoTime() - playing) / 1e9;
            List<Double> clockRatios = new ArrayList<>();
            List<Long> framesDuring = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                JsonNode run = http.expect(200, "GET", "/api/instances/" + text(students.get(i), "instance") + "/run", null, null);
                clockRatios.add(run.get("time").longValue() / 1e9 / seconds);
                framesDuring.add(labs.get(i).frames.get() - frames[i]);
            }
            long heapAfter = usedHeapAfterGc();

            System.out.printf("RESULT class of %d: end to end (show mac sent -> dashboard) p50 %d ms, p99 %d ms, max %d ms%n",
                    STUDENTS, percentile(endToEnd, 50), percentile(endToEnd, 99), percentile(endToEnd, 100));
            System.out.printf("RESULT class of %d: verdict on the server -> dashboard p50 %d ms, p99 %d ms, max %d ms "
                    + "(%d verdicts)%n", STUDENTS, percentile(serverToDashboard, 50), percentile(serverToDashboard, 99),
                    percentile(serverToDashboard, 100), serverToDashboard.size());
            System.out.printf("RESULT class of %d: slowest lab clock %.2f of the wall clock, fewest frames to a student "
                    + "while passing %d; dashboard messages %d; heap %d MB before, %d MB after%n", STUDENTS,
                    clockRatios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    framesDuring.stream().mapToLong(Long::longValue).min().orElse(0), dashboard.ofType("students").size(),
                    heapBefore >> 20, heapAfter >> 20);

            assertThat(endToEnd).hasSize(STUDENTS);
            assertThat(serverToDashboard).hasSize(2 * STUDENTS);
            assertThat(percentile(endToEnd, 99)).isLessThan(1000);
            assertThat(percentile(serverToDashboard, 99)).isLessThan(1000);
            assertThat(clockRatios).allSatisfy(r -> assertThat(r).isGreaterThan(0.8));
            assertThat(framesDuring).allSatisfy(f -> assertThat(f).isGreaterThan(100));
            assertThat(heapAfter - heapBefore).isLessThan(512L << 20);
        } finally {
            for (WebSocket ws : sockets) ws.abort();
            http.expect(200, "POST", "/api/classes/" + id + "/end", text(c, "teacherToken"), null);
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) return -1;
        int at = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, at)));
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
