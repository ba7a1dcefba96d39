package dev.packetlab.server.classroom;

import dev.packetlab.server.Secrets;
import dev.packetlab.server.classroom.ClassroomStore.ClassRow;
import dev.packetlab.server.classroom.ClassroomStore.MemberRow;
import dev.packetlab.server.classroom.ClassroomStore.ProgressRow;
import dev.packetlab.server.runtime.InstanceOwner;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.server.runtime.NotFoundException;
import dev.packetlab.stack.lab.check.CheckEvaluator;
import dev.packetlab.stack.lab.check.StepResult;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Live classes: a teacher creates one from a lab and gets a join code and a teacher token; students join with the
 * code and a name and each gets their own instance of the class lab, whose step checks are judged as they work
 * ({@link CheckEvaluator}, attached to every build of the instance through {@link LabSession#onEachBuild}). The
 * teacher sees every student's standing live, watches any student's lab read-only, presents their own lab to
 * everyone, resets a student's lab, locks the class to new students and ends it.
 *
 * <p>What a role may do is decided here, from the token a request carries ({@link #access}); the controller and the
 * sockets only pass it on. Classes, students, verdicts and each student's lab (as a command log) are kept in the
 * {@link ClassroomStore}, so a class outlives a restart: it is loaded when first asked for, and each lab is rebuilt by
 * replay when someone next needs it.
 *
 * <p><b>Threads.</b> Verdicts arrive on each lab's own thread and only update the student in memory. A ticker
 * collects what changed every {@link #FLUSH_MS} ms and tells the {@link Events} listeners (the dashboard sockets) in
 * one message per class, so a class of sixty costs the dashboard a handful of messages a second whatever the
 * students do; every {@link #LOOK_MS} ms it looks at the labs that were used, for typed lines (attempts, last
 * activity) and to store where each lab stands. All database writes happen on one writer thread, in order.
 */
@Service
public class Classrooms {
    /** How often changed rows go to the dashboards, ms: the bound on how late a dashboard is, beside the network. */
    static final long FLUSH_MS = 100;
    /** How often used labs are looked at for typed lines and stored, ms. */
    static final long LOOK_MS = 500;
    /** The read-only view of the lab the teacher presents ({@code /labs/presented}). */
    static final String PRESENTED = "presented";
    /** How long a request waits for a lab's own thread. */
    private static final long WAIT_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(Classrooms.class);

    /** What the class sockets are told; called on the ticker's or a request's thread, never a lab's. */
    interface Events {
        /** The teacher locked, presented or ended the class. */
        default void classChanged(LiveClass c) {}

        /** These students' rows changed (a verdict, a typed line, joined, reset, came online). */
        default void studentsChanged(LiveClass c, List<StudentRow> rows, List<StepSummary> summary) {}

        /** A student's own verdicts changed. */
        default void progressChanged(LiveClass c, LiveMember m) {}

        /** A student's lab was replaced by a new one (reset): their page reconnects to it. */
        default void instanceChanged(LiveClass c, LiveMember m, String instance) {}

        /**
         * Read-only views of a lab must let go of it: {@code view} is a student's id (reset), {@link #PRESENTED} (the
         * teacher stopped presenting) or null for all of the class's (ended).
         */
        default void viewEnded(LiveClass c, String view, String why) {}
    }

    private final LabSessions sessions;
    private final ClassroomStore store;
    private final Map<String, LiveClass> classes = new ConcurrentHashMap<>();
    private final List<Events> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "classroom-store"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "classroom-ticker"));

    public Classrooms(LabSessions sessions, ClassroomStore store) {
        this.sessions = sessions;
        this.store = store;
        ticker.scheduleWithFixedDelay(() -> safely(this::flush), FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> safely(this::look), LOOK_MS, LOOK_MS, TimeUnit.MILLISECONDS);
    }

    void listen(Events events) {
        listeners.add(events);
    }

    // ==== the teacher ================================================================================================

    /**
     * A new class of a catalogue lab ({@code labId}) or of a lab file's text, with the teacher's own instance of it.
     *
     * @throws NotFoundException when the catalogue has no such lab
     * @throws dev.packetlab.stack.lab.LabException when the lab file is not valid
     */
    ClassViews.Created create(String labId, String fileName, String labFile) {
        LabSession teacherLab = labId != null ? sessions.createFromCatalogue(labId, null)
                : sessions.create(fileName == null || fileName.isBlank() ? "class.yaml" : fileName, labFile, null);
        LabRecord lab = await(teacherLab.record());
        String token = Secrets.newToken();
        ownedBy(teacherLab, Secrets.hash(token));
        Instant now = ClassroomStore.now();
        while (true) {
            ClassRow row = new ClassRow(Secrets.newId(), JoinCode.next(), Secrets.hash(token), now, labId,
                    lab.fileName(), lab.labFile(), lab.seed(), false, false, null, List.of(), 0, 0);
            if (!store.insertClass(row)) continue; // the join code is taken: draw another
            LiveClass c = new LiveClass(row);
            c.teacherLab(teacherLab);
            classes.put(c.id, c);
            return new ClassViews.Created(c.id, c.joinCode, token, teacherLab.id(), c.title());
        }
    }

    /** The dashboard, for the teacher. */
    ClassViews.Dashboard dashboard(String classId, String token) {
        LiveClass c = teacher(classId, token, "see the dashboard");
        LabSession teacherLab = c.ended() ? null : teacherLab(c);
        return new ClassViews.Dashboard(c.id, c.joinCode, c.title(), c.labId, c.fileName, c.steps(), c.locked(),
                c.presenting(), c.ended(), c.endedAt(), teacherLab == null ? null : teacherLab.id(),
                c.members().stream().map(m -> m.row(false)).toList(), c.summary());
    }

    /** Lets new students in, or not. */
    ClassViews.State lock(String classId, String token, boolean locked) {
        LiveClass c = teacher(classId, token, "lock or unlock the class");
        if (c.ended()) throw ClassroomException.ended();
        c.locked(locked);
        writer.execute(() -> store.setLocked(c.id, locked));
        classChanged(c);
        return state(c);
    }

    /** Shows the teacher's lab to every student (read-only), or stops. */
    ClassViews.State present(String classId, String token, boolean presenting) {
        LiveClass c = teacher(classId, token, "present");
        if (c.ended()) throw ClassroomException.ended();
        c.presenting(presenting);
        writer.execute(() -> store.setPresenting(c.id, presenting));
        classChanged(c);
        if (!presenting) viewEnded(c, PRESENTED, "The teacher stopped presenting.");
        return state(c);
    }

    /**
     * Ends the class: every lab is stored where it stands and taken off the server; the dashboard and the results stay
     * for the teacher, and nobody may join or watch a lab any more.
     */
    ClassViews.State end(String classId, String token) {
        LiveClass c = teacher(classId, token, "end the class");
        if (c.ended()) return state(c);
        Instant now = ClassroomStore.now();
        c.ended(now);
        c.presenting(false);
        for (LiveMember m : c.members()) {
            synchronized (m.sessionLock) {
                LabSession s = m.session();
                if (s == null) continue;
                m.forgetSession();
                LabRecord r = recordOrNull(s);
                if (r != null) m.saved(r);
                delete(s);
            }
            LabRecord r = m.saved();
            Instant active = m.lastActivity();
            writer.execute(() -> store.saveMemberLab(m.id, r, active));
        }
        LabSession teacherLab;
        synchronized (c) {
            teacherLab = c.teacherLab();
            c.teacherLab(null);
        }
        if (teacherLab != null) {
            LabRecord r = recordOrNull(teacherLab);
            if (r != null) {
                c.teacherSaved(r);
                writer.execute(() -> store.saveTeacherLab(c.id, r));
            }
            delete(teacherLab);
        }
        writer.execute(() -> {
            store.setPresenting(c.id, false);
            store.setEnded(c.id, now);
        });
        classChanged(c);
        viewEnded(c, null, "The class has ended.");
        return state(c);
    }

    /** Gives a student a new lab of the class from the start; their verdicts and attempts start over. */
    void reset(String classId, String token, String memberId) {
        LiveClass c = teacher(classId, token, "reset a student's lab");
        if (c.ended()) throw ClassroomException.ended();
        LiveMember m = c.member(memberId);
        if (m == null) throw ClassroomException.noStudent(memberId);
        LabSession fresh = ownedBy(sessions.create(c.fileName, c.labFile, c.seed), m.tokenHash);
        LabSession old;
        synchronized (m.sessionLock) {
            old = m.session();
            attachChecks(c, m, fresh, true);
            m.saved(c.freshRecord());
        }
        if (old != null) delete(old);
        Instant active = m.lastActivity();
        writer.execute(() -> {
            store.clearProgress(m.id);
            store.saveMemberLab(m.id, c.freshRecord(), active);
        });
        for (Events e : listeners) e.instanceChanged(c, m, fresh.id());
        viewEnded(c, m.id, "The teacher reset this lab.");
    }

    /**
     * The results as CSV (RFC 4180): one row per student and step with a check, with when the step first passed
     * (ISO 8601, empty if it never did) and the lines typed while it was the student's current step.
     */
    String results(String classId, String token) {
        LiveClass c = teacher(classId, token, "export the results");
        return ResultsCsv.write(c.members().stream().map(m -> new ResultsCsv.Student(m.name, m.statuses())).toList());
    }

    // ==== students ===================================================================================================

    /**
     * A new student of the class whose join code this is, with their own instance of its lab.
     *
     * @throws ClassroomException when there is no such class, it is locked or ended, or the name is taken or unfit
     */
    ClassViews.Joined join(String code, String name) {
        String joinCode = JoinCode.normalize(code);
        if (joinCode == null) throw ClassroomException.noCode(code);
        String classId = store.classIdOfCode(joinCode).orElseThrow(() -> ClassroomException.noCode(code));
        LiveClass c = live(classId);
        if (c.ended()) throw ClassroomException.ended();
        if (c.locked()) throw ClassroomException.locked();
        String displayName = DisplayNames.clean(name);
        String token = Secrets.newToken();
        LabSession lab = ownedBy(sessions.create(c.fileName, c.labFile, c.seed), Secrets.hash(token));
        Instant now = ClassroomStore.now();
        MemberRow row = new MemberRow(Secrets.newId(), c.id, displayName, Secrets.hash(token), List.of(), 0, 0,
                now, null);
        LiveMember m = new LiveMember(row.id(), displayName, row.tokenHash(), now, c.checked, c.freshRecord(), null);
        synchronized (c) { // one join at a time per class, so two students cannot take one name
            if (!store.insertMember(row)) {
                delete(lab);
                throw ClassroomException.nameTaken(displayName);
            }
            c.add(m);
        }
        synchronized (m.sessionLock) {
            attachChecks(c, m, lab, true);
        }
        return new ClassViews.Joined(c.id, m.id, displayName, token, lab.id());
    }

    /** A student's own view, with their lab instance brought back if the server restarted since. */
    ClassViews.Me me(String classId, String token) {
        Access a = access(classId, token);
        if (a.teacher()) throw ClassroomException.studentsOnly();
        LiveClass c = a.c();
        LiveMember m = a.student();
        LabSession s = c.ended() ? null : session(c, m);
        return new ClassViews.Me(c.id, c.joinCode, m.id, m.name, c.title(), c.steps(), c.locked(), c.presenting(),
                c.ended(), s == null ? null : s.id(), m.statuses());
    }

    /** Marks a student's class page as open or closed, for the dashboard. */
    void online(LiveMember m, boolean online) {
        m.online(online);
    }

    // ==== read-only labs =============================================================================================

    /** A lab someone watches read-only, under another name than its instance id, and why they may not type in it. */
    record Watched(LabSession session, String alias, String why) {}

    /**
     * The lab a read-only view shows: the teacher's ({@link #PRESENTED}), to the teacher and, while it is presented,
     * to every student; a student's (by their id), to the teacher only.
     */
    Watched watch(String classId, String token, String view) {
        Access a = access(classId, token);
        LiveClass c = a.c();
        if (c.ended()) throw ClassroomException.ended();
        if (PRESENTED.equals(view)) {
            if (!a.teacher() && !c.presenting()) throw ClassroomException.notPresenting();
            return new Watched(teacherLab(c), PRESENTED, "This is the teacher's lab, shown read-only: go back to your "
                    + "own lab to type.");
        }
        if (!a.teacher()) throw ClassroomException.notYourLab();
        LiveMember m = c.member(view);
        if (m == null) throw ClassroomException.noStudent(view);
        return new Watched(session(c, m), "student-" + m.id, "You are watching " + m.name + "'s lab read-only: a "
                + "spectator cannot type or change how it runs.");
    }

    // ==== roles ======================================================================================================

    /** Who a token is in a class: its teacher ({@code student} null) or one of its students. */
    record Access(LiveClass c, LiveMember student) {
        boolean teacher() { return student == null; }
    }

    /**
     * @throws ClassroomException 404 when there is no such class, 403 when the token is missing or nobody's in it
     */
    Access access(String classId, String token) {
        LiveClass c = live(classId);
        if (token == null || token.isBlank()) throw ClassroomException.unknownToken(false);
        if (Secrets.matches(token, c.teacherTokenHash)) return new Access(c, null);
        LiveMember m = c.memberByTokenHash(Secrets.hash(token));
        if (m == null) throw ClassroomException.unknownToken(true);
        return new Access(c, m);
    }

    /** The class, if the token is its teacher's; {@code what} says what a student was refused. */
    LiveClass teacher(String classId, String token, String what) {
        Access a = access(classId, token);
        if (!a.teacher()) throw ClassroomException.teacherOnly(what);
        return a.c();
    }

    /** A class, loaded from the store the first time. */
    LiveClass live(String classId) {
        LiveClass c = classes.get(classId);
        if (c != null) return c;
        synchronized (classes) {
            c = classes.get(classId);
            if (c != null) return c;
            ClassRow row = store.findClass(classId).orElseThrow(() -> ClassroomException.noClass(classId));
            LiveClass loaded = new LiveClass(row);
            Map<String, LiveMember> byId = new java.util.HashMap<>();
            for (MemberRow r : store.members(classId)) {
                LiveMember m = new LiveMember(r.id(), r.name(), r.tokenHash(), r.joinedAt(), loaded.checked,
                        new LabRecord(loaded.fileName, loaded.labFile, loaded.seed, r.log(), r.time(), r.events()),
                        r.lastActiveAt());
                loaded.add(m);
                byId.put(m.id, m);
            }
            for (ProgressRow p : store.progress(classId)) {
                LiveMember m = byId.get(p.memberId());
                if (m != null) m.restore(p);
            }
            classes.put(classId, loaded);
            return loaded;
        }
    }

    // ==== labs =======================================================================================================

    /** A student's lab instance: the one they have, or theirs restored from the store (after a restart, a deletion). */
    LabSession session(LiveClass c, LiveMember m) {
        synchronized (m.sessionLock) {
            LabSession s = m.session();
            if (s != null && sessions.find(s.id()).orElse(null) == s) return s;
            LabSession restored = ownedBy(sessions.restore(m.saved()), m.tokenHash);
            attachChecks(c, m, restored, false);
            return restored;
        }
    }

    /**
     * Makes a class's lab its user's: a student's lab is changed with their student token, the teacher's with the
     * teacher token, which their pages hold already (docs/classroom.md, "Roles").
     */
    private LabSession ownedBy(LabSession s, String tokenHash) {
        sessions.own(s, InstanceOwner.owned(tokenHash));
        return s;
    }

    /** The teacher's own lab: the one they have, or theirs restored from the store. */
    private LabSession teacherLab(LiveClass c) {
        synchronized (c) {
            LabSession s = c.teacherLab();
            if (s != null && sessions.find(s.id()).orElse(null) == s) return s;
            if (c.ended()) throw ClassroomException.ended();
            LabSession restored = ownedBy(sessions.restore(c.teacherSaved()), c.teacherTokenHash);
            c.teacherLab(restored);
            return restored;
        }
    }

    /**
     * Makes {@code s} the student's lab and judges its checks on every build of it. A {@code fresh} lab starts the
     * verdicts over from the lab's first build; a restored one keeps those stored, and only changes are heard as it is
     * rebuilt by replay, so the dashboard does not see a student's passed steps flicker back to pending.
     */
    private void attachChecks(LiveClass c, LiveMember m, LabSession s, boolean fresh) {
        int generation = m.use(s, fresh);
        AtomicBoolean initial = new AtomicBoolean(fresh);
        await(s.onEachBuild((lab, instance) -> {
            CheckEvaluator evaluator = CheckEvaluator.attach(lab, instance, (step, passed, why, whyKo) -> {
                if (m.verdict(generation, step, passed, why, whyKo)) {
                    s.record().thenAccept(r -> m.passCounted(generation, step, r));
                }
            });
            if (initial.getAndSet(false)) {
                for (StepResult r : evaluator.results()) {
                    if (m.verdict(generation, r.step(), r.passed(), r.why(), r.whyKo())) {
                        m.passCounted(generation, r.step(), c.freshRecord());
                    }
                }
            }
        }));
    }

    // ==== the ticker =================================================================================================

    /** Sends what changed in each class to its listeners, and stores changed verdicts. */
    void flush() {
        for (LiveClass c : classes.values()) {
            List<StudentRow> rows = new java.util.ArrayList<>();
            for (LiveMember m : c.members()) {
                if (m.rowChanged()) rows.add(m.row(true));
                List<ProgressRow> progress = m.takeProgress();
                if (progress != null) {
                    writer.execute(() -> progress.forEach(store::saveProgress));
                    for (Events e : listeners) e.progressChanged(c, m);
                }
            }
            if (!rows.isEmpty()) {
                List<StepSummary> summary = c.summary();
                for (Events e : listeners) e.studentsChanged(c, rows, summary);
            }
        }
    }

    /** Looks at every lab used since the last look: typed lines become attempts, and where it stands is stored. */
    void look() {
        for (LiveClass c : classes.values()) {
            if (c.ended()) continue;
            for (LiveMember m : c.members()) {
                LabSession s = m.session();
                if (s == null || !m.usedSince(s.lastUsed())) continue;
                int generation = m.generation();
                s.record().thenAccept(r -> {
                    m.logSeen(generation, r);
                    Instant active = m.lastActivity();
                    if (m.generation() == generation) writer.execute(() -> store.saveMemberLab(m.id, r, active));
                });
            }
            LabSession t = c.teacherLab();
            if (t != null && c.teacherUsedSince(t.lastUsed())) {
                t.record().thenAccept(r -> {
                    c.teacherSaved(r);
                    writer.execute(() -> store.saveTeacherLab(c.id, r));
                });
            }
        }
    }

    /** Stores where every lab stands before the server stops, so that a restart resumes each one there. */
    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        for (LiveClass c : classes.values()) {
            if (c.ended()) continue;
            for (LiveMember m : c.members()) {
                LabSession s = m.session();
                LabRecord r = s == null ? null : recordOrNull(s);
                if (r != null) {
                    Instant active = m.lastActivity();
                    writer.execute(() -> store.saveMemberLab(m.id, r, active));
                }
                List<ProgressRow> progress = m.takeProgress();
                if (progress != null) writer.execute(() -> progress.forEach(store::saveProgress));
            }
            LabSession t = c.teacherLab();
            LabRecord r = t == null ? null : recordOrNull(t);
            if (r != null) writer.execute(() -> store.saveTeacherLab(c.id, r));
        }
        writer.shutdown();
        try {
            if (!writer.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) log.warn("classroom store writes timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ==== helpers ====================================================================================================

    private void classChanged(LiveClass c) {
        for (Events e : listeners) e.classChanged(c);
    }

    private void viewEnded(LiveClass c, String view, String why) {
        for (Events e : listeners) e.viewEnded(c, view, why);
    }

    static ClassViews.State state(LiveClass c) {
        return new ClassViews.State(c.locked(), c.presenting(), c.ended());
    }

    private void delete(LabSession s) {
        try {
            sessions.delete(s.id());
        } catch (NotFoundException e) {
            // already gone (its owner deleted it through the API)
        }
    }

    private static LabRecord recordOrNull(LabSession s) {
        try {
            return s.record().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not read where lab {} stands", s.id(), e);
            return null;
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a lab did not answer within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("classroom ticker", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
