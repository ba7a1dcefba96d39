package dev.packetlab.server.classroom;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something a teacher or student cannot do in a class, with the RFC 9457 problem detail the server sends for it
 * ({@code ApiExceptionHandler} sends an {@link ErrorResponseException} as it is). The WebSockets close with
 * {@link #closeCode()} and {@link #getMessage()}, the detail meant for the user, so both say the same.
 */
public class ClassroomException extends ErrorResponseException {
    /** WebSocket close codes in the application range (RFC 6455 7.4.2), after the HTTP statuses they mirror. */
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_NOT_FOUND = 4404;
    static final int CLOSE_GONE = 4410;

    ClassroomException(HttpStatus status, String title, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        getBody().setTitle(title);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    int closeCode() {
        return switch (HttpStatus.valueOf(getStatusCode().value())) {
            case FORBIDDEN -> CLOSE_FORBIDDEN;
            case GONE -> CLOSE_GONE;
            default -> CLOSE_NOT_FOUND;
        };
    }

    static ClassroomException noClass(String id) {
        return new ClassroomException(HttpStatus.NOT_FOUND, "No such class", "No class has the id " + quoted(id)
                + ": check that the whole link was copied.");
    }

    static ClassroomException noCode(String code) {
        return new ClassroomException(HttpStatus.NOT_FOUND, "No such class", "No class has the join code "
                + quoted(code) + ": check the code your teacher gave (six letters and digits).");
    }

    static ClassroomException noStudent(String id) {
        return new ClassroomException(HttpStatus.NOT_FOUND, "No such student", "No student of this class has the id "
                + quoted(id) + ".");
    }

    /** No token, or a token of nobody in this class. */
    static ClassroomException unknownToken(boolean given) {
        return new ClassroomException(HttpStatus.FORBIDDEN, given ? "Wrong token" : "Token required", given
                ? "This token is neither the teacher's nor a student's of this class."
                : "This class needs the teacher's or a student's token: send it as \"Authorization: Bearer TOKEN\".");
    }

    /** A student asked for what only the teacher may do or see. */
    static ClassroomException teacherOnly(String what) {
        return new ClassroomException(HttpStatus.FORBIDDEN, "Teacher only", "Only the class's teacher may " + what
                + "; this token is a student's.");
    }

    /** The teacher's token where a student's belongs. */
    static ClassroomException studentsOnly() {
        return new ClassroomException(HttpStatus.FORBIDDEN, "Students only", "This is a student's view of the class; "
                + "the teacher's token opens the dashboard.");
    }

    static ClassroomException noChannel(String name) {
        return new ClassroomException(HttpStatus.NOT_FOUND, "No such channel", "A class has the channels dashboard, "
                + "student and labs/{view}; not " + quoted(name) + ".");
    }

    /** A student asked for a lab that is not theirs to see. */
    static ClassroomException notYourLab() {
        return new ClassroomException(HttpStatus.FORBIDDEN, "Not your lab", "A student may watch only the lab the "
                + "teacher presents, never another student's; your own lab is yours to use directly.");
    }

    static ClassroomException notPresenting() {
        return new ClassroomException(HttpStatus.FORBIDDEN, "Not presenting", "The teacher is not presenting a lab "
                + "now.");
    }

    static ClassroomException locked() {
        return new ClassroomException(HttpStatus.FORBIDDEN, "Class locked", "This class is locked: the teacher is not "
                + "letting new students in. Ask them to unlock it.");
    }

    static ClassroomException ended() {
        return new ClassroomException(HttpStatus.GONE, "Class ended", "This class has ended.");
    }

    static ClassroomException nameTaken(String name) {
        return new ClassroomException(HttpStatus.CONFLICT, "Name taken", "Someone in this class already goes by "
                + quoted(name) + ": add an initial or a number.");
    }

    static ClassroomException badName(String why) {
        ClassroomException e = new ClassroomException(HttpStatus.BAD_REQUEST, "Invalid name", "name: " + why);
        return e;
    }

    /** {@code text} in quotes, cut to a readable length, so a huge or hostile value is not echoed back whole. */
    static String quoted(String text) {
        if (text == null) return "(none)";
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}
