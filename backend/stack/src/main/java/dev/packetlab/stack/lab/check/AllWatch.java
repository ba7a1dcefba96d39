package dev.packetlab.stack.lab.check;

import java.util.List;

/** Judges {@code all}: every part passes. */
final class AllWatch extends Watch {
    private final List<Watch> parts;

    AllWatch(List<Watch> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    List<Watch> children() { return parts; }

    @Override
    boolean judge() { return parts.stream().allMatch(Watch::passed); }

    @Override
    String why(Language language) {
        List<Watch> failing = parts.stream().filter(w -> !w.passed()).toList();
        return String.join("; ", (failing.isEmpty() ? parts : failing).stream().map(w -> w.why(language)).toList());
    }
}
