package dev.packetlab.stack.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's tunables, each with a name, a default, a range and one line of help, in the manner of Linux's
 * {@code sysctl} and ns-3's attributes. Each layer defines its own when it is set up on a node; the stack reads
 * {@link Tunable#value()} directly on its hot paths, so a tunable costs a field read.
 */
public final class Sysctl {
    /** One named tunable. Values are whole numbers in the stated unit (booleans are 0/1). */
    public static final class Tunable {
        private final String name;
        private final long defaultValue;
        private final long min;
        private final long max;
        private final String unit;
        private final String help;
        private long value;

        Tunable(String name, long defaultValue, long min, long max, String unit, String help) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
            this.unit = unit;
            this.help = help;
            this.value = defaultValue;
        }

        public String name() { return name; }

        public long value() { return value; }

        public long defaultValue() { return defaultValue; }

        public long min() { return min; }

        public long max() { return max; }

        public String unit() { return unit; }

        public String help() { return help; }
    }

    private final Map<String, Tunable> tunables = new TreeMap<>();

    /** Defines a tunable (once per node); returns the handle the defining layer reads. */
    public Tunable define(String name, long defaultValue, long min, long max, String unit, String help) {
        if (tunables.containsKey(name)) throw new IllegalStateException("sysctl " + name + " defined twice");
        Tunable t = new Tunable(name, defaultValue, min, max, unit, help);
        tunables.put(name, t);
        return t;
    }

    public Tunable get(String name) { return tunables.get(name); }

    /**
     * Sets a tunable from text, as {@code sysctl -w name=value} and lab files do.
     *
     * @throws IllegalArgumentException naming the tunable and the allowed range when the value does not fit
     */
    public void set(String name, String text) {
        Tunable t = tunables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown sysctl \"" + name + "\"" + nearest(name));
        }
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": \"" + text + "\" is not a whole number");
        }
        if (v < t.min || v > t.max) {
            throw new IllegalArgumentException(name + ": " + v + " is outside " + t.min + ".." + t.max);
        }
        t.value = v;
    }

    /** Every tunable, sorted by name. */
    public List<Tunable> all() {
        return Collections.unmodifiableList(new ArrayList<>(tunables.values()));
    }

    private String nearest(String name) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : tunables.keySet()) {
            int d = distance(name, candidate);
            if (d < bestScore) {
                bestScore = d;
                best = candidate;
            }
        }
        return best != null && bestScore <= Math.max(3, name.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
