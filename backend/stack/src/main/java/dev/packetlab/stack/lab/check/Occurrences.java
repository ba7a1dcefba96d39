package dev.packetlab.stack.lab.check;

/**
 * A leaf check: it counts occurrences of something in the trace and passes from the first one on. It remembers the
 * first occurrence to say what was seen and when.
 */
abstract class Occurrences extends Watch {
    private final Check check;
    private long count;
    private long firstTime = -1;
    private String first;
    private String firstKo;

    Occurrences(Check check) {
        this.check = check;
    }

    /** Records one occurrence, described by {@code what} (only the first one's description is kept). */
    final boolean occurred(Observation o, java.util.function.Function<Language, String> what) {
        if (count++ == 0) {
            firstTime = o.time();
            first = what.apply(Language.EN);
            firstKo = what.apply(Language.KO);
        }
        return true;
    }

    final long count() { return count; }

    @Override
    final boolean judge() { return count > 0; }

    /**
     * What got closest to passing, to add to a failure ("a SYN reached srv, no SYN+ACK came back"), in
     * {@code language}, or null.
     */
    String progress(Language language) { return null; }

    @Override
    final String why(Language language) {
        String p = count == 0 ? progress(language) : null;
        if (language == Language.KO) {
            if (count == 0) return "보이지 않음: " + check.describe(language) + (p == null ? "" : " (" + p + ")");
            // the time first: what was seen may end in a frame's summary, which a particle cannot follow
            return "[" + at(firstTime, language) + "] " + firstKo + (count > 1 ? " (모두 " + count + "번)" : "");
        }
        if (count == 0) return "not seen: " + check.describe() + (p == null ? "" : " (" + p + ")");
        return first + " at " + at(firstTime) + (count > 1 ? " (" + count + " times in all)" : "");
    }
}
