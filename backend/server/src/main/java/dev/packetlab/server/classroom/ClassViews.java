package dev.packetlab.server.classroom;

import dev.packetlab.stack.lab.LocalizedText;
import java.time.Instant;
import java.util.List;

/** What the classroom API answers, as JSON. */
final class ClassViews {
    private ClassViews() {}

    /**
     * A class just created. {@code teacherToken} is the teacher's role and is shown only this once: the teacher link
     * carries it.
     */
    record Created(String id, String joinCode, String teacherToken, String teacherInstance, LocalizedText title) {}

    /** A student who just joined. {@code studentToken} is shown only this once; their browser keeps it. */
    record Joined(String classId, String member, String name, String studentToken, String instance) {}

    /** The teacher's dashboard: the class, its students and the class-wide standing on each step. */
    record Dashboard(String id, String joinCode, LocalizedText title, String lab, String fileName,
                     List<StepInfo> steps, boolean locked, boolean presenting, boolean ended, Instant endedAt,
                     String teacherInstance, List<StudentRow> students, List<StepSummary> summary) {}

    /** A student's own view of the class: their lab instance (null once the class ended) and their standing. */
    record Me(String classId, String joinCode, String member, String name, LocalizedText title, List<StepInfo> steps,
              boolean locked, boolean presenting, boolean ended, String instance, List<StepStatus> progress) {}

    /** The teacher's switches, as the class channel announces them. */
    record State(boolean locked, boolean presenting, boolean ended) {}
}
