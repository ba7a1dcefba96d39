package dev.packetlab.stack.lab.check;

import java.util.List;

/** Judges {@code any}: at least one part passes. */
final class AnyWatch extends Watch {
    private final List<Watch> parts;

    AnyWatch(List<Watch> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    List<Watch> children() { return parts; }

    @Override
    boolean judge() { return parts.stream().anyMatch(Watch::passed); }

    @Override
    String why(Language language) {
        for (Watch w : parts) if (w.passed()) return w.why(language);
        return (language == Language.KO ? "어느 것도 없음: " : "none of: ")
                + String.join(" / ", parts.stream().map(w -> w.why(language)).toList());
    }
}
