package dev.packetlab.stack.lab.check;

import java.util.List;

/** Judges {@code not}: the part does not pass. */
final class NotWatch extends Watch {
    private final Watch part;

    NotWatch(Watch part) {
        this.part = part;
    }

    @Override
    List<Watch> children() { return List.of(part); }

    @Override
    boolean judge() { return !part.passed(); }

    @Override
    String why() {
        return part.passed() ? part.why() + ", which this step rules out"
                : "as wanted, " + part.why();
    }
}
