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
    String why(Language language) {
        if (language == Language.KO) {
            return part.passed() ? part.why(language) + " — 이 단계에서는 일어나면 안 되는 일"
                    : "바라던 대로 " + part.why(language);
        }
        return part.passed() ? part.why() + ", which this step rules out"
                : "as wanted, " + part.why();
    }
}
