package dev.packetlab.server.classroom;

import dev.packetlab.server.classroom.ClassroomStore.ClassRow;
import dev.packetlab.server.runtime.LabDocument;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class in memory: the class lab, the teacher's switches (locked, presenting, ended), the teacher's own lab and
 * the students in the order they joined. Loaded from the store when first asked for, so a class outlives a restart;
 * the labs themselves come back one by one, when someone needs them.
 */
final class LiveClass {
    final String id;
    final String joinCode;
    final String teacherTokenHash;
    final String labId;
    final String fileName;
    final String labFile;
    final long seed;
    final Lab lab;
    /** Which of the lab's steps have a check. */
    final boolean[] checked;

    private volatile boolean locked;
    private volatile boolean presenting;
    private volatile Instant endedAt;
    /** Guarded by this. */
    private LabSession teacherLab;
    private LabRecord teacherSaved;
    private long teacherUsedSeen = Long.MIN_VALUE;
    private final Map<String, LiveMember> members = new LinkedHashMap<>();
    /** Students by the hash of their token. */
    private final Map<String, LiveMember> byToken = new ConcurrentHashMap<>();

    LiveClass(ClassRow row) {
        this.id = row.id();
        this.joinCode = row.joinCode();
        this.teacherTokenHash = row.teacherTokenHash();
        this.labId = row.labId();
        this.fileName = row.fileName();
        this.labFile = row.labFile();
        this.seed = row.seed();
        this.lab = LabDocument.read(row.fileName(), row.labFile()).lab();
        this.checked = new boolean[lab.steps().size()];
        for (int i = 0; i < checked.length; i++) checked[i] = lab.steps().get(i).check() != null;
        this.locked = row.locked();
        this.presenting = row.presenting();
        this.endedAt = row.endedAt();
        this.teacherSaved = row.teacherLab();
    }

    LocalizedText title() {
        return inBoth(lab.title());
    }

    /** A lab's text in both languages: English where the lab has no Korean, as the lab view shows it. */
    static LocalizedText inBoth(LocalizedText t) {
        if (t == null) return new LocalizedText("", "");
        return new LocalizedText(t.en(), t.ko() == null || t.ko().isEmpty() ? t.en() : t.ko());
    }

    List<StepInfo> steps() {
        List<StepInfo> steps = new ArrayList<>();
        for (int i = 0; i < checked.length; i++) steps.add(new StepInfo(i + 1, inBoth(lab.steps().get(i).text()), checked[i]));
        return steps;
    }

    /** A new record of the class lab, at its start. */
    LabRecord freshRecord() {
        return new LabRecord(fileName, labFile, seed, List.of(), 0, 0);
    }

    boolean locked() { return locked; }

    void locked(boolean locked) { this.locked = locked; }

    boolean presenting() { return presenting; }

    void presenting(boolean presenting) { this.presenting = presenting; }

    Instant endedAt() { return endedAt; }

    boolean ended() { return endedAt != null; }

    void ended(Instant at) { this.endedAt = at; }

    synchronized LabSession teacherLab() { return teacherLab; }

    synchronized void teacherLab(LabSession s) { this.teacherLab = s; }

    synchronized LabRecord teacherSaved() { return teacherSaved; }

    synchronized void teacherSaved(LabRecord r) { this.teacherSaved = r; }

    /** Whether the teacher's lab was used since the last look; remembers {@code lastUsed} as seen. */
    synchronized boolean teacherUsedSince(long lastUsed) {
        if (lastUsed == teacherUsedSeen) return false;
        teacherUsedSeen = lastUsed;
        return true;
    }

    synchronized void add(LiveMember m) {
        members.put(m.id, m);
        byToken.put(m.tokenHash, m);
    }

    synchronized LiveMember member(String id) {
        return members.get(id);
    }

    LiveMember memberByTokenHash(String hash) {
        return byToken.get(hash);
    }

    /** The students in the order they joined. */
    synchronized List<LiveMember> members() {
        return List.copyOf(members.values());
    }

    /** The class-wide standing on each step with a check: how many students pass it now. */
    List<StepSummary> summary() {
        List<LiveMember> all = members();
        List<StepSummary> summary = new ArrayList<>();
        for (int i = 0; i < checked.length; i++) {
            if (!checked[i]) continue;
            int passed = 0;
            for (LiveMember m : all) if (m.passes(i)) passed++;
            summary.add(new StepSummary(i + 1, passed, all.size()));
        }
        return summary;
    }
}
