package dev.packetlab.stack.lab.check;

import java.util.List;

/** Judges {@code count}: the occurrences of one leaf check, within bounds. */
final class CountWatch extends Watch {
    private final Check.Count check;
    private final Occurrences counted;

    CountWatch(Check.Count check, Occurrences counted) {
        this.check = check;
        this.counted = counted;
    }

    @Override
    List<Watch> children() { return List.of(counted); }

    @Override
    boolean judge() {
        long n = counted.count();
        return n >= check.atLeast() && n <= check.atMost();
    }

    @Override
    String why(Language language) {
        long n = counted.count();
        if (language == Language.KO) {
            return (n == 0 ? "보이지 않음" : n + "번 보임") + " (" + Check.Count.times(check.atLeast(), check.atMost())
                    + " 필요): " + (n == 0 ? check.counted().describe(language) : counted.why(language));
        }
        String seen = n == 0 ? "not seen" : "seen " + (n == 1 ? "once" : n + " times");
        String wanted = check.atLeast() == check.atMost() ? "exactly " + check.atLeast()
                : check.atMost() == Long.MAX_VALUE ? "at least " + check.atLeast()
                : check.atLeast() == 0 ? "at most " + check.atMost()
                : check.atLeast() + " to " + check.atMost();
        return seen + " (" + wanted + " wanted): " + (n == 0 ? check.counted().describe() : counted.why());
    }
}
