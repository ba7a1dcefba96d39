package dev.packetlab.server.classroom;

import static dev.packetlab.server.classroom.ClassHttp.JSON;
import static dev.packetlab.server.classroom.ClassHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A class from creation to its results through real HTTP ({@code /api/classes}), on the catalogue's switch-basics lab
 * (three steps, each with a check): {@code arp -n} then {@code ping -c 3} on pc1 pass steps 1 and 2.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomApiTest {
    static final String TWO_HOSTS = """
            id: two-hosts
            title: {en: "Two hosts", ko: "두 호스트"}
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
              - {id: pc2, kind: host, ip: 10.0.0.2/24}
            links:
              - {a: pc1, b: pc2}
            steps:
              - text: "Ping pc2 from pc1."
                check: {output: {node: pc1, command: ping, contains: " 0% packet loss"}}
              - text: "Look around."
            """;

    @LocalServerPort
    int port;

    ClassHttp http;

    @BeforeEach
    void connect() {
        http = new ClassHttp(port);
    }

    @Test
    void creatingAClassGivesAJoinCodeATeacherTokenAndTheTeachersOwnLab() throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/classes", null, "{\"lab\": \"switch-basics\"}");

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode c = JSON.readTree(r.body());
        assertThat(c.propertyNames()).containsExactly("id", "joinCode", "teacherToken", "teacherInstance", "title");
        assertThat(text(c, "id")).matches("[A-Za-z0-9_-]{22}");
        assertThat(text(c, "joinCode")).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}");
        assertThat(text(c, "teacherToken")).matches("[A-Za-z0-9_-]{43}");
        assertThat(c.get("title").get("en").stringValue()).isEqualTo("Two hosts on a switch");
        assertThat(r.headers().firstValue("Location")).contains("/api/classes/" + text(c, "id"));
        http.expect(200, "GET", "/api/instances/" + text(c, "teacherInstance"), null, null);
    }

    @Test
    void aClassMadeFromALabFileKeepsItsStepsAndOnlyTheCheckedOnesAreJudged() throws Exception {
        JsonNode c = http.expect(201, "POST", "/api/classes", null, "{\"labFile\": " + JSON.writeValueAsString(TWO_HOSTS)
                + ", \"fileName\": \"two-hosts.yaml\"}");

        JsonNode d = http.dashboard(c);
        assertThat(d.get("lab").isNull()).isTrue();
        assertThat(text(d, "fileName")).isEqualTo("two-hosts.yaml");
        assertThat(d.get("steps").toString()).isEqualTo("[{\"step\":1,\"text\":{\"en\":\"Ping pc2 from pc1.\",\"ko\":"
                + "\"Ping pc2 from pc1.\"},\"checked\":true},{\"step\":2,\"text\":{\"en\":\"Look around.\",\"ko\":"
                + "\"Look around.\"},\"checked\":false}]");
        assertThat(d.get("summary").toString()).isEqualTo("[{\"step\":1,\"passed\":0,\"of\":0}]");
    }

    @Test
    void anInvalidLabFileIs400NamingThePlaceInIt() throws Exception {
        JsonNode p = http.expect(400, "POST", "/api/classes", null,
                "{\"labFile\": \"id: x\\ntitle: X\\nnodes:\\n  - {id: pc1, kind: laptop}\\n\", \"fileName\": \"x.yaml\"}");

        assertThat(text(p, "title")).isEqualTo("Invalid lab");
        assertThat(p.get("errors").get(0).get("field").stringValue()).isEqualTo("nodes[0].kind");
    }

    @Test
    void neitherALabNorALabFileIs400() throws Exception {
        JsonNode p = http.expect(400, "POST", "/api/classes", null, "{}");

        assertThat(text(p, "detail")).isEqualTo("lab: give a catalogue lab's id or a labFile, one of them");
    }

    @Test
    void eachStudentWhoJoinsGetsTheirOwnInstanceOfTheClassLab() throws Exception {
        JsonNode c = http.createClass("switch-basics");

        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        JsonNode lee = http.join(text(c, "joinCode"), "Lee");

        assertThat(kim.propertyNames()).containsExactly("classId", "member", "name", "studentToken", "instance");
        assertThat(text(kim, "classId")).isEqualTo(text(c, "id"));
        assertThat(text(kim, "studentToken")).matches("[A-Za-z0-9_-]{43}");
        assertThat(List.of(text(kim, "instance"), text(lee, "instance"), text(c, "teacherInstance"))).doesNotHaveDuplicates();
        JsonNode snapshot = http.expect(200, "GET", "/api/instances/" + text(kim, "instance"), null, null);
        assertThat(snapshot.get("nodes").size()).isEqualTo(3);
        assertThat(http.dashboard(c).get("students").findValuesAsString("name")).containsExactly("Kim", "Lee");
    }

    /** A command on a class's lab, with {@code token} as the Authorization (or none): its status. */
    int command(String instance, String token) throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/instances/" + instance + "/nodes/pc1/commands",
                token == null ? "" : token, "{\"line\": \"echo mine\", \"runUntilExit\": true}");
        return r.statusCode();
    }

    @Test
    void aStudentsLabIsChangedWithTheirStudentTokenAndNoOtherToken() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        JsonNode lee = http.join(text(c, "joinCode"), "Lee");

        assertThat(List.of(command(text(kim, "instance"), text(kim, "studentToken")),
                command(text(kim, "instance"), text(lee, "studentToken")),
                command(text(kim, "instance"), text(c, "teacherToken")),
                command(text(kim, "instance"), null))).containsExactly(200, 401, 401, 401);
    }

    @Test
    void theTeachersLabIsChangedWithTheTeacherTokenAndNoStudents() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");

        assertThat(List.of(command(text(c, "teacherInstance"), text(c, "teacherToken")),
                command(text(c, "teacherInstance"), text(kim, "studentToken")))).containsExactly(200, 401);
    }

    @Test
    void aResetLabIsStillChangedWithTheStudentsToken() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.expect(204, "POST", "/api/classes/" + text(c, "id") + "/students/" + text(kim, "member") + "/reset",
                text(c, "teacherToken"), null);

        JsonNode me = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);

        assertThat(text(me, "instance")).isNotEqualTo(text(kim, "instance"));
        assertThat(command(text(me, "instance"), text(kim, "studentToken"))).isEqualTo(200);
    }

    @Test
    void aJoinCodeIsReadInLowerCaseWithSpacesAndDashes() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        String code = text(c, "joinCode").toLowerCase();

        JsonNode kim = http.join(" " + code.substring(0, 3) + "-" + code.substring(3) + " ", "Kim");

        assertThat(text(kim, "classId")).isEqualTo(text(c, "id"));
    }

    @Test
    void aCodeOfNoClassIs404SayingToCheckIt() throws Exception {
        JsonNode p = http.expect(404, "POST", "/api/classes/join", null, "{\"code\": \"ZZZZ99\", \"name\": \"Kim\"}");

        assertThat(text(p, "detail")).isEqualTo("No class has the join code \"ZZZZ99\": check the code your teacher gave "
                + "(six letters and digits).");
    }

    @Test
    void aNameTakenInTheClassIs409ComparedWithoutCaseOrExtraBlanks() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        http.join(text(c, "joinCode"), "Kim Minji");

        JsonNode p = http.expect(409, "POST", "/api/classes/join", null,
                "{\"code\": \"" + text(c, "joinCode") + "\", \"name\": \"  kim   MINJI \"}");

        assertThat(text(p, "detail")).isEqualTo("Someone in this class already goes by \"kim MINJI\": add an initial or "
                + "a number.");
    }

    @Test
    void aBlankOrOverlongNameIs400() throws Exception {
        JsonNode c = http.createClass("switch-basics");

        JsonNode blank = http.expect(400, "POST", "/api/classes/join", null,
                "{\"code\": \"" + text(c, "joinCode") + "\", \"name\": \"   \"}");
        JsonNode longName = http.expect(400, "POST", "/api/classes/join", null,
                "{\"code\": \"" + text(c, "joinCode") + "\", \"name\": \"" + "x".repeat(41) + "\"}");

        assertThat(text(blank, "detail")).isEqualTo("name: empty: type the name your teacher will see");
        assertThat(text(longName, "detail")).isEqualTo("name: longer than 40 characters");
    }

    @Test
    void aLockedClassTurnsNewStudentsAwayAndUnlockingLetsThemIn() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        String teacher = text(c, "teacherToken");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");

        JsonNode state = http.expect(200, "PATCH", "/api/classes/" + text(c, "id"), teacher, "{\"locked\": true}");
        JsonNode refused = http.expect(403, "POST", "/api/classes/join", null,
                "{\"code\": \"" + text(c, "joinCode") + "\", \"name\": \"Lee\"}");
        JsonNode back = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);
        http.expect(200, "PATCH", "/api/classes/" + text(c, "id"), teacher, "{\"locked\": false}");
        http.join(text(c, "joinCode"), "Lee");

        assertThat(state.toString()).isEqualTo("{\"locked\":true,\"presenting\":false,\"ended\":false}");
        assertThat(text(refused, "detail")).isEqualTo("This class is locked: the teacher is not letting new students in. "
                + "Ask them to unlock it.");
        assertThat(text(back, "instance")).isEqualTo(text(kim, "instance"));
    }

    @Test
    void theDashboardShowsEachStudentsStepsAsTheirChecksPassWithTheClassWideCount() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.join(text(c, "joinCode"), "Lee");

        http.run(text(kim, "instance"), "pc1", "arp -n");
        http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");
        JsonNode d = http.dashboardWhen(c, x -> x.get("summary").get(1).get("passed").intValue() == 1);

        JsonNode row = d.get("students").get(0);
        assertThat(text(row, "name")).isEqualTo("Kim");
        assertThat(row.get("currentStep").intValue()).isEqualTo(3);
        assertThat(row.get("steps").findValuesAsString("status")).containsExactly("passed", "passed", "pending");
        assertThat(text(row.get("steps").get(2), "why")).startsWith("not seen: sw1's MAC table holding pc1's MAC");
        assertThat(text(row.get("steps").get(2), "whyKo")).startsWith("보이지 않음: sw1의 MAC 테이블에 든 pc1의 MAC 주소");
        assertThat(row.get("steps").get(0).get("passedAt").isString()).isTrue();
        assertThat(d.get("students").get(1).get("currentStep").intValue()).isEqualTo(1);
        assertThat(d.get("summary").toString()).isEqualTo("[{\"step\":1,\"passed\":1,\"of\":2},{\"step\":2,\"passed\":1,"
                + "\"of\":2},{\"step\":3,\"passed\":0,\"of\":2}]");
    }

    @Test
    void attemptsCountTheLinesTypedWhileTheStepWasTheCurrentOne() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        String lab = text(kim, "instance");

        http.run(lab, "pc1", "arp");          // step 1: a try that prints the table too
        http.run(lab, "pc1", "arp -n");       // step 1
        http.run(lab, "pc1", "ping -c 3 192.168.1.20"); // step 1 (its ARP exchange passes it), and step 2 with it
        http.run(lab, "sw1", "show arp");     // step 3: no such thing
        http.run(lab, "sw1", "show mac");     // step 3 passes
        JsonNode d = http.dashboardWhen(c, x -> x.get("students").get(0).get("currentStep").isNull()
                && x.get("students").get(0).get("steps").get(2).get("attempts").intValue() == 2);

        JsonNode row = d.get("students").get(0);
        assertThat(row.get("steps").findValuesAsString("status")).containsExactly("passed", "passed", "passed");
        assertThat(row.get("steps").findValues("attempts").stream().map(JsonNode::intValue)).containsExactly(3, 0, 2);
        assertThat(row.get("lastActivity").isString()).isTrue();
    }

    @Test
    void aStudentResumesTheirOwnLabWithTheirToken() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.run(text(kim, "instance"), "pc1", "arp -n");

        JsonNode me = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);

        assertThat(me.propertyNames()).containsExactly("classId", "joinCode", "member", "name", "title", "steps", "locked",
                "presenting", "ended", "instance", "progress");
        assertThat(text(me, "instance")).isEqualTo(text(kim, "instance"));
        assertThat(text(me, "name")).isEqualTo("Kim");
        assertThat(me.get("progress").size()).isEqualTo(3);
    }

    @Test
    void aStudentWhoseLabWasDeletedGetsItBackRebuiltFromWhereItStood() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.run(text(kim, "instance"), "pc1", "ping -c 1 192.168.1.20");
        JsonNode before = http.expect(200, "GET", "/api/instances/" + text(kim, "instance"), null, null);
        http.dashboardWhen(c, d -> !d.get("students").get(0).get("lastActivity").isNull()); // the log was looked at
        http.expect(204, "DELETE", "/api/instances/" + text(kim, "instance"), null, null);

        JsonNode me = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);

        assertThat(text(me, "instance")).isNotEqualTo(text(kim, "instance"));
        JsonNode after = http.expect(200, "GET", "/api/instances/" + text(me, "instance"), null, null);
        assertThat(after.get("terminals")).isEqualTo(before.get("terminals"));
    }

    @Test
    void resettingAStudentGivesThemANewLabAndStartsTheirStepsOver() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.run(text(kim, "instance"), "pc1", "arp -n");
        http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");
        http.dashboardWhen(c, d -> d.get("summary").get(1).get("passed").intValue() == 1);

        http.expect(204, "POST", "/api/classes/" + text(c, "id") + "/students/" + text(kim, "member") + "/reset",
                text(c, "teacherToken"), null);

        JsonNode me = http.expect(200, "GET", "/api/classes/" + text(c, "id") + "/me", text(kim, "studentToken"), null);
        assertThat(text(me, "instance")).isNotEqualTo(text(kim, "instance"));
        assertThat(me.get("progress").findValuesAsString("status")).containsExactly("pending", "pending", "pending");
        http.expect(404, "GET", "/api/instances/" + text(kim, "instance"), null, null);
        JsonNode fresh = http.expect(200, "GET", "/api/instances/" + text(me, "instance"), null, null);
        assertThat(fresh.get("run").get("time").longValue()).isZero();
        assertThat(http.dashboard(c).get("summary").get(1).get("passed").intValue()).isZero();
    }

    @Test
    void theResultsAreCsvWithOneRowPerStudentAndCheckedStep() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim, Minji");
        http.join(text(c, "joinCode"), "=1+1");
        http.run(text(kim, "instance"), "pc1", "arp -n");
        http.run(text(kim, "instance"), "pc1", "ping -c 3 192.168.1.20");
        JsonNode d = http.dashboardWhen(c, x -> x.get("students").get(0).get("steps").get(0).get("attempts").intValue() == 2);

        HttpResponse<String> r = http.send("GET", "/api/classes/" + text(c, "id") + "/results.csv", text(c, "teacherToken"), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"packetlab-class-results.csv\"");
        JsonNode kimSteps = d.get("students").get(0).get("steps");
        assertThat(r.body()).isEqualTo("student,step,passed at,attempts\r\n"
                + "\"Kim, Minji\",1," + text(kimSteps.get(0), "passedAt") + ",2\r\n"
                + "\"Kim, Minji\",2," + text(kimSteps.get(1), "passedAt") + ",0\r\n"
                + "\"Kim, Minji\",3,,0\r\n"
                + "'=1+1,1,,0\r\n"
                + "'=1+1,2,,0\r\n"
                + "'=1+1,3,,0\r\n");
    }

    @Test
    void endingTheClassTakesEveryLabOffTheServerAndKeepsTheResults() throws Exception {
        JsonNode c = http.createClass("switch-basics");
        String id = text(c, "id");
        JsonNode kim = http.join(text(c, "joinCode"), "Kim");
        http.run(text(kim, "instance"), "pc1", "arp -n");

        JsonNode state = http.expect(200, "POST", "/api/classes/" + id + "/end", text(c, "teacherToken"), null);

        assertThat(state.toString()).isEqualTo("{\"locked\":false,\"presenting\":false,\"ended\":true}");
        http.expect(404, "GET", "/api/instances/" + text(kim, "instance"), null, null);
        http.expect(404, "GET", "/api/instances/" + text(c, "teacherInstance"), null, null);
        JsonNode refused = http.expect(410, "POST", "/api/classes/join", null,
                "{\"code\": \"" + text(c, "joinCode") + "\", \"name\": \"Lee\"}");
        assertThat(text(refused, "detail")).isEqualTo("This class has ended.");
        JsonNode me = http.expect(200, "GET", "/api/classes/" + id + "/me", text(kim, "studentToken"), null);
        assertThat(me.get("ended").booleanValue()).isTrue();
        assertThat(me.get("instance").isNull()).isTrue();
        JsonNode d = http.dashboard(c);
        assertThat(d.get("ended").booleanValue()).isTrue();
        assertThat(d.get("teacherInstance").isNull()).isTrue();
        assertThat(http.send("GET", "/api/classes/" + id + "/results.csv", text(c, "teacherToken"), null).statusCode())
                .isEqualTo(200);
        List<Integer> afterEnd = new ArrayList<>();
        afterEnd.add(http.send("PATCH", "/api/classes/" + id, text(c, "teacherToken"), "{\"locked\": true}").statusCode());
        afterEnd.add(http.send("POST", "/api/classes/" + id + "/students/" + text(kim, "member") + "/reset",
                text(c, "teacherToken"), null).statusCode());
        assertThat(afterEnd).containsExactly(410, 410);
    }
}
