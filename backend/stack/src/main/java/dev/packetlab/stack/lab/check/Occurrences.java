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

    Occurrences(Check check) {
        this.check = check;
    }

    /** Records one occurrence, described by {@code what} (only the first one's description is kept). */
    final boolean occurred(Observation o, java.util.function.Supplier<String> what) {
        if (count++ == 0) {
            firstTime = o.time();
            first = what.get();
        }
        return true;
    }

    final long count() { return count; }

    @Override
    final boolean judge() { return count > 0; }

    /** What got closest to passing, to add to a failure ("a SYN reached srv, no SYN+ACK came back"), or null. */
    String progress() { return null; }

    @Override
    final String why() {
        if (count == 0) {
            String p = progress();
            return "not seen: " + check.describe() + (p == null ? "" : " (" + p + ")");
        }
        return first + " at " + at(firstTime) + (count > 1 ? " (" + count + " times in all)" : "");
    }
}
