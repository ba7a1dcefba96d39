package dev.packetlab.stack.lab.check;

import java.util.List;

/**
 * Judges {@code before}: every part passes, and each started to pass strictly before the next did. Events are
 * numbered in the order they happened, so two at the same simulated time still have an order.
 */
final class BeforeWatch extends Watch {
    private final List<Watch> order;

    BeforeWatch(List<Watch> order) {
        this.order = List.copyOf(order);
    }

    @Override
    List<Watch> children() { return order; }

    @Override
    boolean judge() {
        for (int i = 0; i < order.size(); i++) {
            if (!order.get(i).passed()) return false;
            if (i > 0 && order.get(i - 1).since() >= order.get(i).since()) return false;
        }
        return true;
    }

    @Override
    String why(Language language) {
        if (language == Language.KO) {
            for (int i = 0; i < order.size(); i++) {
                Watch w = order.get(i);
                if (!w.passed()) return "순서의 " + (i + 1) + "번째: " + w.why(language);
                if (i > 0 && order.get(i - 1).since() >= w.since()) {
                    return "순서가 틀림: " + w.why(language) + " — 이것은 다음보다 뒤에 와야 함: "
                            + order.get(i - 1).why(language);
                }
            }
            return String.join("; 그다음 ", order.stream().map(w -> w.why(language)).toList());
        }
        for (int i = 0; i < order.size(); i++) {
            Watch w = order.get(i);
            if (!w.passed()) return ordinal(i + 1) + " in the order: " + w.why();
            if (i > 0 && order.get(i - 1).since() >= w.since()) {
                return "out of order: " + w.why() + ", which should have come after " + order.get(i - 1).why();
            }
        }
        return String.join("; then ", order.stream().map(Watch::why).toList());
    }

    private static String ordinal(int n) {
        return n + (n % 100 / 10 == 1 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }
}
