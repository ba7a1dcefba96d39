package dev.packetlab.server.classroom;

import static dev.packetlab.server.classroom.ClassHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.WsTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Roles are the server's to enforce: each request about a class is answered for the token it carries, and a missing
 * or wrong token, or a student's where the teacher's is needed, is a 403 that says why (the WebSockets close with
 * 4403 after an {@code error} message saying the same).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomRolesTest {
    static final String NO_TOKEN = "This class needs the teacher's or a student's token: send it as "
            + "\"Authorization: Bearer TOKEN\".";
    static final String WRONG_TOKEN = "This token is neither the teacher's nor a student's of this class.";

    @LocalServerPort
    int port;

    ClassHttp http;
    JsonNode c;
    String id;
    JsonNode kim;
    JsonNode lee;

    @BeforeEach
    void aClassOfTwo() throws Exception {
        http = new ClassHttp(port);
        c = http.createClass("switch-basics");
        id = text(c, "id");
        kim = http.join(text(c, "joinCode"), "Kim");
        lee = http.join(text(c, "joinCode"), "Lee");
    }

    String detail(int status, String method, String path, String token, String json) throws Exception {
        JsonNode p = http.expect(status, method, path, token, json);
        return text(p, "detail");
    }

    @Test
    void theDashboardWithoutATokenIs403SayingToSendOne() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id, null, null)).isEqualTo(NO_TOKEN);
    }

    @Test
    void theDashboardWithAWrongTokenIs403() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id, "not-a-token-of-this-class", null)).isEqualTo(WRONG_TOKEN);
    }

    @Test
    void anotherClassesTeacherTokenIs403() throws Exception {
        JsonNode other = http.createClass("switch-basics");

        assertThat(detail(403, "GET", "/api/classes/" + id, text(other, "teacherToken"), null)).isEqualTo(WRONG_TOKEN);
    }

    @Test
    void aStudentTokenCannotSeeTheDashboard() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id, text(kim, "studentToken"), null))
                .isEqualTo("Only the class's teacher may see the dashboard; this token is a student's.");
    }

    @Test
    void aStudentTokenCannotReadAnotherStudentsLab() throws Exception {
        String lab = "/api/classes/" + id + "/labs/" + text(lee, "member");
        String expected = "A student may watch only the lab the teacher presents, never another student's; your own "
                + "lab is yours to use directly.";

        assertThat(detail(403, "GET", lab + "/lab-file", text(kim, "studentToken"), null)).isEqualTo(expected);
        assertThat(detail(403, "GET", lab + "/packets", text(kim, "studentToken"), null)).isEqualTo(expected);
        assertThat(detail(403, "GET", lab + "/packets/1", text(kim, "studentToken"), null)).isEqualTo(expected);
        assertThat(detail(403, "GET", lab + "/pcap?token=" + text(kim, "studentToken"), null, null)).isEqualTo(expected);
    }

    @Test
    void theTeacherReadsAnyStudentsLab() throws Exception {
        http.expect(200, "GET", "/api/classes/" + id + "/labs/" + text(lee, "member") + "/packets", text(c, "teacherToken"), null);
    }

    @Test
    void aStudentTokenCannotSeeThePresentedLabWhileNothingIsPresented() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id + "/labs/presented/lab-file", text(kim, "studentToken"), null))
                .isEqualTo("The teacher is not presenting a lab now.");

        http.expect(200, "PATCH", "/api/classes/" + id, text(c, "teacherToken"), "{\"presenting\": true}");
        http.expect(200, "GET", "/api/classes/" + id + "/labs/presented/lab-file", text(kim, "studentToken"), null);
    }

    @Test
    void aStudentTokenCannotLockPresentResetEndOrExport() throws Exception {
        String student = text(kim, "studentToken");

        assertThat(detail(403, "PATCH", "/api/classes/" + id, student, "{\"locked\": true}"))
                .isEqualTo("Only the class's teacher may lock or unlock the class; this token is a student's.");
        assertThat(detail(403, "PATCH", "/api/classes/" + id, student, "{\"presenting\": true}"))
                .isEqualTo("Only the class's teacher may present; this token is a student's.");
        assertThat(detail(403, "POST", "/api/classes/" + id + "/students/" + text(lee, "member") + "/reset", student, null))
                .isEqualTo("Only the class's teacher may reset a student's lab; this token is a student's.");
        assertThat(detail(403, "POST", "/api/classes/" + id + "/end", student, null))
                .isEqualTo("Only the class's teacher may end the class; this token is a student's.");
        assertThat(detail(403, "GET", "/api/classes/" + id + "/results.csv", student, null))
                .isEqualTo("Only the class's teacher may export the results; this token is a student's.");
        assertThat(http.dashboard(c).get("locked").booleanValue()).isFalse();
    }

    @Test
    void theTeachersTokenIsNoStudents() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id + "/me", text(c, "teacherToken"), null))
                .isEqualTo("This is a student's view of the class; the teacher's token opens the dashboard.");
    }

    @Test
    void aStudentWithoutATokenCannotResume() throws Exception {
        assertThat(detail(403, "GET", "/api/classes/" + id + "/me", null, null)).isEqualTo(NO_TOKEN);
    }

    @Test
    void aClassThatDoesNotExistIs404() throws Exception {
        assertThat(detail(404, "GET", "/api/classes/AAAAAAAAAAAAAAAAAAAAAA", text(c, "teacherToken"), null))
                .isEqualTo("No class has the id \"AAAAAAAAAAAAAAAAAAAAAA\": check that the whole link was copied.");
    }

    @Test
    void theDashboardSocketClosesWith4403ForAStudentToken() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/classes/" + id + "/dashboard?token="
                + text(kim, "studentToken"))) {
            assertThat(text(ws.await(WsTestClient.type("error"), "error"), "message"))
                    .isEqualTo("Only the class's teacher may see the dashboard; this token is a student's.");
            assertThat(ws.awaitClose()).isEqualTo("4403 Teacher only");
        }
    }

    @Test
    void theDashboardSocketClosesWith4403WithoutAToken() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/classes/" + id + "/dashboard")) {
            assertThat(text(ws.await(WsTestClient.type("error"), "error"), "message")).isEqualTo(NO_TOKEN);
            assertThat(ws.awaitClose()).isEqualTo("4403 Token required");
        }
    }

    @Test
    void aStudentsLabSocketClosesWith4403ForAnotherStudent() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/classes/" + id + "/labs/" + text(lee, "member")
                + "?token=" + text(kim, "studentToken"))) {
            assertThat(text(ws.await(WsTestClient.type("error"), "error"), "message")).startsWith("A student may "
                    + "watch only the lab the teacher presents");
            assertThat(ws.awaitClose()).isEqualTo("4403 Not your lab");
        }
    }

    @Test
    void theStudentSocketClosesWith4403ForAWrongToken() throws Exception {
        try (WsTestClient ws = new WsTestClient(port, "/ws/classes/" + id + "/student?token=nobody")) {
            assertThat(text(ws.await(WsTestClient.type("error"), "error"), "message")).isEqualTo(WRONG_TOKEN);
            assertThat(ws.awaitClose()).isEqualTo("4403 Wrong token");
        }
    }
}
