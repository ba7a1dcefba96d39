package dev.packetlab.server.classroom;

import dev.packetlab.server.Secrets;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntries;
import dev.packetlab.server.runtime.LogEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes, their students and each student's progress, in the server's database (H2 or PostgreSQL; the schema is
 * {@code db/migration/V3}). A student's lab is kept as its command log and the point it reached: with the class's lab
 * file and seed that is a {@link LabRecord}, which rebuilds the lab by replay after a restart. Tokens are kept only as
 * hashes ({@link dev.packetlab.server.Secrets}).
 */
@Repository
public class ClassroomStore {
    private static final String CLASS_COLUMNS = "id, join_code, teacher_token_hash, created_at, lab_id, file_name, "
            + "lab_file, seed, locked, presenting, ended_at, teacher_log, teacher_sim_time, teacher_sim_events";
    private static final String MEMBER_COLUMNS = "id, classroom_id, display_name, student_token_hash, command_log, "
            + "sim_time, sim_events, joined_at, last_active_at";

    private final JdbcClient jdbc;

    public ClassroomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A class as stored: its lab, who teaches it (a token hash), the teacher's switches and the teacher's own lab. */
    record ClassRow(String id, String joinCode, String teacherTokenHash, Instant createdAt, String labId,
                    String fileName, String labFile, long seed, boolean locked, boolean presenting, Instant endedAt,
                    List<LogEntry> teacherLog, long teacherTime, long teacherEvents) {
        LabRecord teacherLab() {
            return new LabRecord(fileName, labFile, seed, teacherLog, teacherTime, teacherEvents);
        }
    }

    /** A student as stored, with their lab's command log and the point it reached. */
    record MemberRow(String id, String classId, String name, String tokenHash, List<LogEntry> log, long time,
                     long events, Instant joinedAt, Instant lastActiveAt) {}

    /**
     * One student's verdict on one step (from 0). {@code passedAt} is null and {@code inputsBefore} (the lines they had
     * typed when it first passed, the one that passed it included) -1 until it passes.
     */
    record ProgressRow(String memberId, int step, boolean passed, String why, String whyKo, Instant passedAt,
                       int inputsBefore, int attempts) {}

    /**
     * Stores a new class.
     *
     * @return false when its join code is taken (the caller draws another), true when it was stored
     */
    @Transactional
    public boolean insertClass(ClassRow c) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM classroom WHERE join_code = :code").param("code", c.joinCode())
                .query(Long.class).single() > 0;
        if (taken) return false;
        jdbc.sql("INSERT INTO classroom (" + CLASS_COLUMNS + ") VALUES (:id, :code, :teacher, :createdAt, :labId, "
                        + ":fileName, :labFile, :seed, :locked, :presenting, :endedAt, :teacherLog, :teacherTime, "
                        + ":teacherEvents)")
                .param("id", c.id())
                .param("code", c.joinCode())
                .param("teacher", c.teacherTokenHash())
                .param("createdAt", timestamp(c.createdAt()))
                .param("labId", c.labId())
                .param("fileName", c.fileName())
                .param("labFile", c.labFile())
                .param("seed", c.seed())
                .param("locked", c.locked())
                .param("presenting", c.presenting())
                .param("endedAt", timestamp(c.endedAt()))
                .param("teacherLog", write(c.teacherLog()))
                .param("teacherTime", c.teacherTime())
                .param("teacherEvents", c.teacherEvents())
                .update();
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<ClassRow> findClass(String id) {
        if (!Secrets.isWellFormedId(id)) return Optional.empty();
        return jdbc.sql("SELECT " + CLASS_COLUMNS + " FROM classroom WHERE id = :id").param("id", id)
                .query((row, n) -> classRow(row)).optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> classIdOfCode(String joinCode) {
        return jdbc.sql("SELECT id FROM classroom WHERE join_code = :code").param("code", joinCode)
                .query(String.class).optional();
    }

    public void setLocked(String classId, boolean locked) {
        jdbc.sql("UPDATE classroom SET locked = :v WHERE id = :id").param("v", locked).param("id", classId).update();
    }

    public void setPresenting(String classId, boolean presenting) {
        jdbc.sql("UPDATE classroom SET presenting = :v WHERE id = :id").param("v", presenting).param("id", classId)
                .update();
    }

    public void setEnded(String classId, Instant endedAt) {
        jdbc.sql("UPDATE classroom SET ended_at = :v WHERE id = :id").param("v", timestamp(endedAt))
                .param("id", classId).update();
    }

    /** Keeps where the teacher's own lab stands. */
    public void saveTeacherLab(String classId, LabRecord lab) {
        jdbc.sql("UPDATE classroom SET teacher_log = :log, teacher_sim_time = :time, teacher_sim_events = :events "
                        + "WHERE id = :id")
                .param("log", write(lab.log())).param("time", lab.time()).param("events", lab.events())
                .param("id", classId).update();
    }

    /**
     * Stores a new student.
     *
     * @return false when the class has a student of that name already (compared as {@link #nameKey})
     */
    @Transactional
    public boolean insertMember(MemberRow m) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM class_member WHERE classroom_id = :c AND name_key = :k")
                .param("c", m.classId()).param("k", nameKey(m.name())).query(Long.class).single() > 0;
        if (taken) return false;
        jdbc.sql("INSERT INTO class_member (" + MEMBER_COLUMNS + ", name_key) VALUES (:id, :classId, :name, :token, "
                        + ":log, :time, :events, :joinedAt, :lastActive, :key)")
                .param("id", m.id())
                .param("classId", m.classId())
                .param("name", m.name())
                .param("token", m.tokenHash())
                .param("log", write(m.log()))
                .param("time", m.time())
                .param("events", m.events())
                .param("joinedAt", timestamp(m.joinedAt()))
                .param("lastActive", timestamp(m.lastActiveAt()))
                .param("key", nameKey(m.name()))
                .update();
        return true;
    }

    /** The students of a class in the order they joined. */
    @Transactional(readOnly = true)
    public List<MemberRow> members(String classId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM class_member WHERE classroom_id = :c "
                        + "ORDER BY joined_at, id")
                .param("c", classId).query((row, n) -> memberRow(row)).list();
    }

    /** Keeps where a student's lab stands and when they last typed in it. */
    public void saveMemberLab(String memberId, LabRecord lab, Instant lastActiveAt) {
        jdbc.sql("UPDATE class_member SET command_log = :log, sim_time = :time, sim_events = :events, "
                        + "last_active_at = :active WHERE id = :id")
                .param("log", write(lab.log())).param("time", lab.time()).param("events", lab.events())
                .param("active", timestamp(lastActiveAt)).param("id", memberId).update();
    }

    /** Stores one verdict, replacing the one before. */
    @Transactional
    public void saveProgress(ProgressRow p) {
        int updated = jdbc.sql("UPDATE step_progress SET passed = :passed, why = :why, why_ko = :whyKo, passed_at = :passedAt, "
                        + "inputs_before = :inputsBefore, attempts = :attempts WHERE member_id = :m AND step = :step")
                .params(progressParameters(p)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO step_progress (member_id, step, passed, why, why_ko, passed_at, inputs_before, "
                            + "attempts) VALUES (:m, :step, :passed, :why, :whyKo, :passedAt, :inputsBefore, :attempts)")
                    .params(progressParameters(p)).update();
        }
    }

    /** Forgets a student's verdicts (their lab was reset). */
    public void clearProgress(String memberId) {
        jdbc.sql("DELETE FROM step_progress WHERE member_id = :m").param("m", memberId).update();
    }

    /** Every verdict of every student of a class. */
    @Transactional(readOnly = true)
    public List<ProgressRow> progress(String classId) {
        return jdbc.sql("SELECT p.member_id, p.step, p.passed, p.why, p.why_ko, p.passed_at, p.inputs_before, "
                        + "p.attempts "
                        + "FROM step_progress p JOIN class_member m ON m.id = p.member_id "
                        + "WHERE m.classroom_id = :c ORDER BY p.member_id, p.step")
                .param("c", classId)
                .query((row, n) -> new ProgressRow(row.getString("member_id"), row.getInt("step"),
                        row.getBoolean("passed"), row.getString("why"), row.getString("why_ko"), instant(row, "passed_at"),
                        row.getInt("inputs_before"), row.getInt("attempts")))
                .list();
    }

    /**
     * A display name as compared for uniqueness in a class: blanks collapsed, case folded, so "Kim  Minji" and
     * "kim minji" are the same student to a teacher reading the dashboard.
     */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static java.util.Map<String, Object> progressParameters(ProgressRow p) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("m", p.memberId());
        m.put("step", p.step());
        m.put("passed", p.passed());
        m.put("why", p.why().length() > 1000 ? p.why().substring(0, 999) + "…" : p.why());
        m.put("whyKo", p.whyKo().length() > 1000 ? p.whyKo().substring(0, 999) + "…" : p.whyKo());
        m.put("passedAt", timestamp(p.passedAt()));
        m.put("inputsBefore", p.inputsBefore());
        m.put("attempts", p.attempts());
        return m;
    }

    private static ClassRow classRow(ResultSet row) throws SQLException {
        return new ClassRow(row.getString("id"), row.getString("join_code"), row.getString("teacher_token_hash"),
                instant(row, "created_at"), row.getString("lab_id"), row.getString("file_name"),
                row.getString("lab_file"), row.getLong("seed"), row.getBoolean("locked"),
                row.getBoolean("presenting"), instant(row, "ended_at"), read(row.getString("teacher_log")),
                row.getLong("teacher_sim_time"), row.getLong("teacher_sim_events"));
    }

    private static MemberRow memberRow(ResultSet row) throws SQLException {
        return new MemberRow(row.getString("id"), row.getString("classroom_id"), row.getString("display_name"),
                row.getString("student_token_hash"), read(row.getString("command_log")), row.getLong("sim_time"),
                row.getLong("sim_events"), instant(row, "joined_at"), instant(row, "last_active_at"));
    }

    /** One log entry per line, as saved labs keep theirs ({@link LogEntries}). */
    private static String write(List<LogEntry> log) {
        return log.stream().map(LogEntries::toJson).collect(Collectors.joining("\n"));
    }

    private static List<LogEntry> read(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : lines.lines().map(LogEntries::fromJson).toList();
    }

    /** Now, to the microsecond both databases keep, so what is stored is what a later load reads. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime t = row.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
