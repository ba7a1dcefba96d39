package dev.packetlab.stack.lab.check;

import java.util.List;

/**
 * A check being judged over a run: its verdict on the trace so far, and since when it holds. Leaves look at each
 * event ({@link #observe}); every watch then recomputes its verdict from its own state and its children's
 * ({@link #refresh}), children first, so a combination always judges up-to-date parts.
 */
abstract class Watch {
    private boolean passed;
    private long since = -1;
    private long passedAt = -1;

    /** The parts of a combination, judged before it; none for a leaf. */
    List<Watch> children() { return List.of(); }

    /** Looks at one event (leaves only). Returns whether the watch's own state changed. */
    boolean observe(Observation o) { return false; }

    /** The verdict on the trace so far, from the watch's state and its children's verdicts. */
    abstract boolean judge();

    /** Why the verdict is what it is, in English, for the learner and the report. */
    final String why() { return why(Language.EN); }

    /** Why the verdict is what it is, in {@code language}: the same facts in both. */
    abstract String why(Language language);

    /**
     * Recomputes the verdict after event {@code number} at simulated time {@code time}, children first.
     *
     * @return whether the verdict changed
     */
    final boolean refresh(long number, long time) {
        for (Watch c : children()) c.refresh(number, time);
        boolean now = judge();
        if (now == passed) return false;
        passed = now;
        since = now ? number : -1;
        passedAt = now ? time : -1;
        return true;
    }

    final boolean passed() { return passed; }

    /** The number of the event from which the verdict holds ({@code 0}: from the start), or -1 when it fails. */
    final long since() { return since; }

    /** The simulated time from which the verdict holds, or -1 when it fails. */
    final long passedAt() { return passedAt; }

    /** "1.002345 s": simulated time as a report shows it, to the microsecond. */
    static String at(long nanos) {
        return at(nanos, Language.EN);
    }

    /** Simulated time in {@code language}: "1.002345 s", "1.002345초". */
    static String at(long nanos, Language language) {
        return String.format(language == Language.KO ? "%d.%06d초" : "%d.%06d s", nanos / 1_000_000_000L,
                nanos % 1_000_000_000L / 1000);
    }
}
