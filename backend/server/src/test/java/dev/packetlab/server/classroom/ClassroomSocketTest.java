package dev.packetlab.server.classroom;

import static dev.packetlab.server.classroom.ClassHttp.text;
import static dev.packetlab.server.WsTestClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.WsTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The classroom's WebSockets: the teacher's dashboard live, a student's own channel, spectating a student's lab
 * read-only and presenting the teacher's lab to the class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomSocketTest {

    @LocalServerPort
    int port;

    ClassHttp http;
    JsonNode c;
    String id;
    String teacher;
    JsonNode kim;

    @BeforeEach
    void aClassWithKim() throws Exception {
        http = new ClassHttp(port);
        c = http.createClass("switch-basics");
        id = text(c, "id");
        teacher = text(c, "teacherToken");
        kim = http.join(text(c, "joinCode"), "Kim");
    }

    @Test
    void theDashboardSocketSendsTheWholeClassThenTheRowOfAStudentWhoPassesAStep() throws Exception {
        try (WsTestClient dashboard = new WsTestClient(port, "/ws/classes/" + id + "/dashboard?token=" + teacher)) {
            assertThat(text(dashboard.await(type("hello"), "hello"), "role")).isEqualTo("teacher");
            JsonNode whole = dashboard.await(type("dashboard"), "the dashboard").get("dashboard");
            assertThat(whole.get("students").findValuesAsString("name")).containsExactly("Kim");

            http.run(text(kim, "instance"), "pc1", "arp -n");
            http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");

            JsonNode update = dashboard.await(m -> type("students").test(m)
                    && m.get("summary").get(1).get("passed").intValue() == 1, "step 2 passed");
            assertThat(update.get("students").size()).isEqualTo(1);
            JsonNode row = update.get("students").get(0);
            assertThat(text(row, "name")).isEqualTo("Kim");
            assertThat(row.get("steps").get(1).get("status").stringValue()).isEqualTo("passed");
            assertThat(update.get("summary").toString()).isEqualTo("[{\"step\":1,\"passed\":1,\"of\":1},{\"step\":2,"
                    + "\"passed\":1,\"of\":1},{\"step\":3,\"passed\":0,\"of\":1}]");
            assertThat(update.get("sentAt").longValue() - row.get("changedAt").longValue()).isBetween(0L, 1000L);
        }
    }

    @Test
    void theDashboardSeesAStudentComeOnlineAndANewStudentJoin() throws Exception {
        try (WsTestClient dashboard = new WsTestClient(port, "/ws/classes/" + id + "/dashboard?token=" + teacher);
             WsTestClient student = new WsTestClient(port, "/ws/classes/" + id + "/student?token="
                     + text(kim, "studentToken"))) {
            dashboard.await(m -> type("students").test(m) && m.get("students").get(0).get("online").booleanValue(),
                    "Kim online");

            http.join(text(c, "joinCode"), "Lee");

            dashboard.await(m -> type("students").test(m) && m.get("students").findValuesAsString("name").contains("Lee"),
                    "Lee's row");
        }
    }

    @Test
    void theStudentSocketTellsTheStudentTheirOwnVerdictsAndNobodyElses() throws Exception {
        JsonNode lee = http.join(text(c, "joinCode"), "Lee");
        try (WsTestClient student = new WsTestClient(port, "/ws/classes/" + id + "/student?token="
                + text(kim, "studentToken"))) {
            JsonNode me = student.await(type("me"), "me").get("me");
            assertThat(text(me, "instance")).isEqualTo(text(kim, "instance"));

            http.run(text(lee, "instance"), "pc1", "arp -n");
            http.run(text(lee, "instance"), "pc1", "ping -c 3 192.168.1.20");
            http.run(text(kim, "instance"), "pc1", "arp -n");
            http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");

            JsonNode progress = student.await(m -> type("progress").test(m)
                    && m.get("progress").get(1).get("status").stringValue().equals("passed"), "Kim's step 2");
            assertThat(progress.get("progress").findValuesAsString("status")).containsExactly("passed", "passed", "pending");
            assertThat(student.ofType("students")).isEmpty();
            assertThat(student.messages().toString()).doesNotContain(text(lee, "member")).doesNotContain("Lee");
        }
    }

    @Test
    void aSpectatorSeesTheStudentsLabButItsInputsAreRefused() throws Exception {
        http.run(text(kim, "instance"), "pc1", "ping -c 1 192.168.1.20");
        String instance = text(kim, "instance");
        try (WsTestClient spectator = new WsTestClient(port, "/ws/classes/" + id + "/labs/" + text(kim, "member")
                + "?token=" + teacher)) {
            JsonNode snapshot = spectator.await(type("snapshot"), "snapshot");
            assertThat(text(spectator.await(type("hello"), "hello"), "instance")).isEqualTo("student-" + text(kim, "member"));
            assertThat(snapshot.get("snapshot").get("terminals").get("pc1").stringValue()).contains("1 packets transmitted");

            spectator.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"ping -c 1 192.168.1.20\"}");
            spectator.send("{\"type\": \"control\", \"action\": \"play\", \"speed\": 1}");
            spectator.send("{\"type\": \"interrupt\", \"node\": \"pc1\"}");
            spectator.send("{\"type\": \"snapshot\"}");

            spectator.await(m -> type("snapshot").test(m) && text(m, "reason").equals("requested"), "a snapshot asked for");
            assertThat(spectator.ofType("error").stream().map(m -> text(m, "message")).toList()).containsExactly(
                    "type: You are watching Kim's lab read-only: a spectator cannot type or change how it runs.",
                    "type: You are watching Kim's lab read-only: a spectator cannot type or change how it runs.",
                    "type: You are watching Kim's lab read-only: a spectator cannot type or change how it runs.");
            assertThat(spectator.messages().toString()).doesNotContain(instance);
        }
        JsonNode lab = http.expect(200, "GET", "/api/instances/" + instance, null, null);
        assertThat(lab.get("terminals").get("pc1").stringValue().split("ping -c 1", -1)).hasSize(2); // typed once
        assertThat(text(lab.get("run"), "mode")).isEqualTo("PAUSED");
    }

    @Test
    void aSpectatorSeesWhatTheStudentTypesAsTheyTypeIt() throws Exception {
        try (WsTestClient spectator = new WsTestClient(port, "/ws/classes/" + id + "/labs/" + text(kim, "member")
                + "?token=" + teacher)) {
            spectator.await(type("snapshot"), "snapshot");

            http.run(text(kim, "instance"), "pc1", "arp -n");

            spectator.await(m -> type("terminal").test(m) && m.toString().contains("arp -n"), "Kim's arp -n");
        }
    }

    @Test
    void presentingShowsTheTeachersLabToEveryStudentReadOnlyUntilItStops() throws Exception {
        http.run(text(c, "teacherInstance"), "pc1", "arp -n");
        try (WsTestClient student = new WsTestClient(port, "/ws/classes/" + id + "/student?token="
                + text(kim, "studentToken"))) {
            student.await(type("me"), "me");

            http.expect(200, "PATCH", "/api/classes/" + id, teacher, "{\"presenting\": true}");
            JsonNode announced = student.await(type("class"), "presenting");
            assertThat(announced.get("state").toString()).isEqualTo("{\"locked\":false,\"presenting\":true,\"ended\":false}");

            try (WsTestClient presented = new WsTestClient(port, "/ws/classes/" + id + "/labs/presented?token="
                    + text(kim, "studentToken"))) {
                assertThat(text(presented.await(type("hello"), "hello"), "instance")).isEqualTo("presented");
                JsonNode snapshot = presented.await(type("snapshot"), "the teacher's lab");
                assertThat(snapshot.get("snapshot").get("terminals").get("pc1").stringValue()).contains("$ arp -n");
                presented.send("{\"type\": \"line\", \"node\": \"pc1\", \"text\": \"ls\"}");
                assertThat(text(presented.await(type("error"), "refused"), "message")).isEqualTo("type: This is the "
                        + "teacher's lab, shown read-only: go back to your own lab to type.");

                http.expect(200, "PATCH", "/api/classes/" + id, teacher, "{\"presenting\": false}");

                assertThat(presented.awaitClose()).isEqualTo("4403 The teacher stopped presenting.");
                assertThat(presented.messages().toString()).doesNotContain(text(c, "teacherInstance"));
            }
        }
    }

    @Test
    void resettingAStudentMovesTheirPageAndItsSpectatorsToTheNewLab() throws Exception {
        try (WsTestClient student = new WsTestClient(port, "/ws/classes/" + id + "/student?token="
                + text(kim, "studentToken"));
             WsTestClient spectator = new WsTestClient(port, "/ws/classes/" + id + "/labs/"
                     + text(kim, "member") + "?token=" + teacher)) {
            student.await(type("me"), "me");
            spectator.await(type("snapshot"), "snapshot");

            http.expect(204, "POST", "/api/classes/" + id + "/students/" + text(kim, "member") + "/reset", teacher, null);

            String fresh = text(student.await(type("instance"), "the new lab"), "instance");
            assertThat(fresh).isNotEqualTo(text(kim, "instance"));
            http.expect(200, "GET", "/api/instances/" + fresh, null, null);
            assertThat(spectator.awaitClose()).isEqualTo("4000 The teacher reset this lab.");
        }
    }

    @Test
    void endingTheClassTellsEveryoneAndClosesTheLabsTheyWatch() throws Exception {
        try (WsTestClient student = new WsTestClient(port, "/ws/classes/" + id + "/student?token="
                + text(kim, "studentToken"));
             WsTestClient spectator = new WsTestClient(port, "/ws/classes/" + id + "/labs/"
                     + text(kim, "member") + "?token=" + teacher)) {
            student.await(type("me"), "me");
            spectator.await(type("snapshot"), "snapshot");

            http.expect(200, "POST", "/api/classes/" + id + "/end", teacher, null);

            assertThat(student.await(type("class"), "ended").get("state").get("ended").booleanValue()).isTrue();
            assertThat(spectator.awaitClose()).isEqualTo("4410 The class has ended.");
        }
    }
}
