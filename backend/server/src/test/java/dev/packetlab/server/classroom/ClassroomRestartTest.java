package dev.packetlab.server.classroom;

import static dev.packetlab.server.classroom.ClassHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.ShippedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A server restart loses no class: the whole application runs with its shipped configuration (H2 in a file under
 * {@code packetlab.data-dir}, here a temporary directory); a class is run until a student passed two steps and the
 * teacher locked it; the server is stopped and started again on the same files. The dashboard shows the same
 * students and verdicts, the tokens still work, and the student's lab comes back by replay where it stood.
 */
class ClassroomRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void classesStudentsVerdictsAndLabsOutliveARestart() throws Exception {
        JsonNode c;
        JsonNode kim;
        JsonNode lee;
        JsonNode before;
        JsonNode kimsLab;
        String csv;
        try (ShippedServer server = ShippedServer.start(dataDir)) {
            ClassHttp http = new ClassHttp(server.baseUrl());
            c = http.createClass("switch-basics");
            kim = http.join(text(c, "joinCode"), "Kim");
            lee = http.join(text(c, "joinCode"), "Lee");
            http.run(text(kim, "instance"), "pc1", "arp -n");
            http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");
            http.expect(200, "PATCH", "/api/classes/" + text(c, "id"), text(c, "teacherToken"), "{\"locked\": true}");
            before = http.dashboardWhen(c, d -> d.get("students").get(0).get("steps").get(0).get("attempts").intValue() == 2);
            kimsLab = http.expect(200, "GET", "/api/instances/" + text(kim, "instance"), null, null);
            csv = http.send("GET", "/api/classes/" + text(c, "id") + "/results.csv", text(c, "teacherToken"), null).body();
        }

        try (ShippedServer server = ShippedServer.start(dataDir)) {
            ClassHttp http = new ClassHttp(server.baseUrl());

            JsonNode after = http.dashboard(c);
            assertThat(after.get("students")).hasSize(2);
            for (int i = 0; i < 2; i++) {
                JsonNode was = before.get("students").get(i);
                JsonNode is = after.get("students").get(i);
                assertThat(is.get("id")).isEqualTo(was.get("id"));
                assertThat(is.get("name")).isEqualTo(was.get("name"));
                assertThat(is.get("currentStep")).isEqualTo(was.get("currentStep"));
                assertThat(is.get("lastActivity")).isEqualTo(was.get("lastActivity"));
                assertThat(is.get("steps")).isEqualTo(was.get("steps"));
            }
            assertThat(after.get("summary")).isEqualTo(before.get("summary"));
            assertThat(after.get("locked").booleanValue()).isTrue();
            assertThat(http.send("GET", "/api/classes/" + text(c, "id") + "/results.csv", text(c, "teacherToken"), null)
                    .body()).isEqualTo(csv);

            JsonNode me = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);
            JsonNode resumed = http.expect(200, "GET", "/api/instances/" + text(me, "instance"), null, null);
            assertThat(resumed.get("terminals")).isEqualTo(kimsLab.get("terminals"));
            assertThat(resumed.get("run").get("time")).isEqualTo(kimsLab.get("run").get("time"));
            assertThat(me.get("progress")).isEqualTo(before.get("students").get(0).get("steps"));

            http.run(text(me, "instance"), "sw1", "show mac"); // judged live again after the restart
            JsonNode done = http.dashboardWhen(c, d -> d.get("students").get(0).get("currentStep").isNull()
                    && d.get("students").get(0).get("steps").get(2).get("attempts").intValue() == 1);
            assertThat(done.get("summary").get(2).get("passed").intValue()).isEqualTo(1);
            // the lines typed before the restart are not counted again when the lab comes back
            assertThat(done.get("students").get(0).get("steps").findValues("attempts").stream().map(JsonNode::intValue))
                    .containsExactly(2, 0, 1);
            http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(lee, "studentToken"), null);
        }
    }
}
