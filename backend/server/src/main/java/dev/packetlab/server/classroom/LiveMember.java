package dev.packetlab.server.classroom;

import dev.packetlab.server.classroom.ClassroomStore.ProgressRow;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A student of a class in memory: their lab instance (null until it is first needed after a restart), their verdict
 * on each step, how many lines they typed at each, and what of that the dashboard and the database have not seen
 * yet. Verdicts arrive on the lab's own thread, the typed lines from the class's ticker; every field is guarded by
 * this object, and nothing slow is done while holding it.
 */
final class LiveMember {
    final String id;
    final String name;
    final String tokenHash;
    final Instant joinedAt;
    /** Held while the student's lab is replaced or restored (never while waiting on {@code this}). */
    final Object sessionLock = new Object();
    /** The class lab's steps: which have a check. */
    private final boolean[] checked;

    private LabSession session;
    /** Counts instances given to this student; a verdict of an earlier one (before a reset) is ignored. */
    private int generation;
    /** The lab as last stored, to restore it from when {@link #session} is gone. */
    private LabRecord saved;
    private final Step[] steps;
    private Instant lastActivity;
    /** Input lines of the lab's command log already counted as attempts. */
    private int inputsCounted;
    /** {@link LabSession#lastUsed()} when the log was last looked at. */
    private long usedSeen = Long.MIN_VALUE;
    private boolean rowChanged;
    private boolean progressChanged;
    /** When the oldest change the dashboard has not seen happened, ms since the epoch. */
    private long changedAt;
    private boolean online;

    /** One step's standing. */
    private static final class Step {
        boolean passed;
        String why = "";
        String whyKo = "";
        Instant passedAt;
        /** Lines typed by when it first passed (the one that passed it included), -1 before and until counted. */
        int inputsBefore = -1;
        int attempts;
    }

    LiveMember(String id, String name, String tokenHash, Instant joinedAt, boolean[] checked, LabRecord saved,
               Instant lastActivity) {
        this.id = id;
        this.name = name;
        this.tokenHash = tokenHash;
        this.joinedAt = joinedAt;
        this.checked = checked;
        this.saved = saved;
        this.inputsCounted = inputs(saved).size(); // a student back from the store has had these counted already
        this.lastActivity = lastActivity;
        this.steps = new Step[checked.length];
        for (int i = 0; i < steps.length; i++) steps[i] = new Step();
        this.changedAt = System.currentTimeMillis();
    }

    synchronized LabSession session() { return session; }

    synchronized int generation() { return generation; }

    /** Gives the student a lab instance: a new one ({@code fresh}, the verdicts start over) or their own restored. */
    synchronized int use(LabSession s, boolean fresh) {
        session = s;
        if (fresh) {
            generation++;
            for (int i = 0; i < steps.length; i++) steps[i] = new Step();
            inputsCounted = 0;
            usedSeen = Long.MIN_VALUE;
            changed(true);
        }
        return generation;
    }

    synchronized void forgetSession() {
        session = null;
    }

    synchronized LabRecord saved() { return saved; }

    /** Takes a stored verdict back after a restart. */
    synchronized void restore(ProgressRow p) {
        if (p.step() < 0 || p.step() >= steps.length) return;
        Step s = steps[p.step()];
        s.passed = p.passed();
        s.why = p.why();
        s.whyKo = p.whyKo();
        s.passedAt = p.passedAt();
        s.inputsBefore = p.inputsBefore();
        s.attempts = p.attempts();
    }

    /**
     * A check's verdict changed (on the lab's thread).
     *
     * @return whether the step passed for the first time: the caller then counts the lines typed by now
     *         ({@link #passCounted}), posting a look at the log behind the lab's current task
     */
    synchronized boolean verdict(int generation, int step, boolean passed, String why, String whyKo) {
        if (generation != this.generation || step < 0 || step >= steps.length) return false;
        Step s = steps[step];
        if (s.passed == passed && Objects.equals(s.why, why) && Objects.equals(s.whyKo, whyKo)) return false;
        s.passed = passed;
        s.why = why;
        s.whyKo = whyKo;
        changed(true);
        if (!passed || s.passedAt != null) return false;
        s.passedAt = ClassroomStore.now();
        return true;
    }

    /**
     * How many lines had been typed when {@code step} first passed: the log as it stood right after the lab's task
     * that passed it. A line that passes a step synchronously (its output is what the check wanted) is in that log; a
     * line typed after a step passed during the simulation is not.
     */
    synchronized void passCounted(int generation, int step, LabRecord record) {
        if (generation != this.generation) return;
        Step s = steps[step];
        if (s.inputsBefore < 0) s.inputsBefore = inputs(record).size();
    }

    /**
     * Looks at the lab's command log (from the class's ticker) if the lab was used since the last look: each new line
     * typed counts as an attempt at the step that was the student's current one when it was typed, and makes now
     * their last activity.
     *
     * @return whether anything the dashboard shows changed
     */
    synchronized boolean logSeen(int generation, LabRecord record) {
        if (generation != this.generation) return false;
        saved = record;
        List<LogEntry> inputs = inputs(record);
        if (inputs.size() < inputsCounted) inputsCounted = inputs.size(); // went back in time and typed anew
        if (inputs.size() == inputsCounted) return false;
        for (Step s : steps) {
            if (s.passedAt != null && s.inputsBefore < 0) {
                usedSeen = Long.MIN_VALUE; // a pass not counted yet: look again next time
                return false;
            }
        }
        for (int k = inputsCounted; k < inputs.size(); k++) {
            int step = stepAt(k);
            if (step >= 0) steps[step].attempts++;
        }
        inputsCounted = inputs.size();
        lastActivity = ClassroomStore.now();
        changed(true);
        return true;
    }

    /** Whether the lab was used since {@link #logSeen}; remembers {@code lastUsed} as seen. */
    synchronized boolean usedSince(long lastUsed) {
        if (lastUsed == usedSeen) return false;
        usedSeen = lastUsed;
        return true;
    }

    /** Keeps the record the lab was last stored as (where a reset or the end of the class left it). */
    synchronized void saved(LabRecord record) {
        saved = record;
    }

    synchronized void online(boolean online) {
        if (this.online == online) return;
        this.online = online;
        changed(false);
    }

    /** The step with a check that was current when line {@code k} (from 0) was typed: the first not passed before. */
    private int stepAt(int k) {
        for (int i = 0; i < steps.length; i++) {
            if (!checked[i]) continue;
            Step s = steps[i];
            if (!(s.passed && s.inputsBefore >= 0 && s.inputsBefore <= k)) return i;
        }
        return -1;
    }

    /** The lines typed into the lab: commands and what programs read, in the order they were typed. */
    private static List<LogEntry> inputs(LabRecord record) {
        List<LogEntry> inputs = new ArrayList<>();
        for (LogEntry e : record.log()) if (e instanceof LogEntry.Line || e instanceof LogEntry.Execute) inputs.add(e);
        return inputs;
    }

    private void changed(boolean progress) {
        if (!rowChanged) changedAt = System.currentTimeMillis();
        rowChanged = true;
        if (progress) progressChanged = true;
    }

    /** The dashboard's row, and whether it changed since the last call that took the change. */
    synchronized StudentRow row(boolean takeChange) {
        StudentRow r = new StudentRow(id, name, currentStep(), lastActivity, online, statuses(), changedAt);
        if (takeChange) rowChanged = false;
        return r;
    }

    synchronized boolean rowChanged() { return rowChanged; }

    /** The verdicts to store if they changed since the last call, else null. */
    synchronized List<ProgressRow> takeProgress() {
        if (!progressChanged) return null;
        progressChanged = false;
        List<ProgressRow> rows = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (!checked[i]) continue;
            Step s = steps[i];
            rows.add(new ProgressRow(id, i, s.passed, s.why, s.whyKo, s.passedAt, s.inputsBefore,
                    s.attempts));
        }
        return rows;
    }

    synchronized Instant lastActivity() { return lastActivity; }

    /** Every checked step's standing, in step order. */
    synchronized List<StepStatus> statuses() {
        List<StepStatus> list = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (!checked[i]) continue;
            Step s = steps[i];
            String status = s.passed ? StepStatus.PASSED : s.passedAt != null ? StepStatus.FAILED : StepStatus.PENDING;
            list.add(new StepStatus(i + 1, status, s.why, s.whyKo, s.passedAt, s.attempts));
        }
        return list;
    }

    synchronized boolean passes(int step) {
        return steps[step].passed;
    }

    /** The first step with a check not passed now, from 1, or null when all pass. */
    private Integer currentStep() {
        for (int i = 0; i < steps.length; i++) if (checked[i] && !steps[i].passed) return i + 1;
        return null;
    }
}
