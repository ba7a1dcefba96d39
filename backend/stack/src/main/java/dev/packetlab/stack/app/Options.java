package dev.packetlab.stack.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options in the getopt style of the Linux tools: {@code -c 3}, {@code -c3}, {@code -n} (flag),
 * grouped flags {@code -nv}, and positional arguments. Unknown options and missing values throw
 * {@link IllegalArgumentException} with the message the tool would print.
 */
final class Options {
    private final Map<Character, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {}

    /**
     * @param flags       options that take no value
     * @param withValue   options that take a value
     */
    static Options parse(List<String> args, String flags, String withValue) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || a.charAt(0) != '-' || isNumber(a)) {
                o.positional.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (flags.indexOf(c) >= 0) {
                    o.values.put(c, "");
                } else if (withValue.indexOf(c) >= 0) {
                    String v;
                    if (j + 1 < a.length()) v = a.substring(j + 1);
                    else if (i + 1 < args.size()) v = args.get(++i);
                    else throw new IllegalArgumentException("option requires an argument -- '" + c + "'");
                    o.values.put(c, v);
                    break;
                } else {
                    throw new IllegalArgumentException("invalid option -- '" + c + "'");
                }
            }
        }
        return o;
    }

    private static boolean isNumber(String a) {
        for (int i = 1; i < a.length(); i++) if (!Character.isDigit(a.charAt(i))) return false;
        return true;
    }

    boolean has(char option) { return values.containsKey(option); }

    String value(char option) { return values.get(option); }

    List<String> positional() { return positional; }

    /** An integer option within [min, max], or {@code fallback} when absent. */
    long integer(char option, long fallback, long min, long max, String what) {
        String v = values.get(option);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + ": '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("invalid " + what + ": '" + v + "': out of range: " + min + " <= value <= " + max);
        }
        return n;
    }

    /** A decimal-seconds option such as {@code -i 0.2}, in nanoseconds. */
    long seconds(char option, long fallbackNanos, double min, String what) {
        String v = values.get(option);
        if (v == null) return fallbackNanos;
        double s;
        try {
            s = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + ": '" + v + "'");
        }
        if (!(s >= min) || s > 1_000_000) throw new IllegalArgumentException("bad " + what + ": '" + v + "'");
        return Math.round(s * 1e9);
    }

    /** The value of {@code option}, which must be one of {@code allowed}. */
    String choice(char option, String fallback, Set<String> allowed, String what) {
        String v = values.get(option);
        if (v == null) return fallback;
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException("invalid " + what + ": '" + v + "' (use " + String.join(", ", allowed) + ")");
        }
        return v;
    }
}
