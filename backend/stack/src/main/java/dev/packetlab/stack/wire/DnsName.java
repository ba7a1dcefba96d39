package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A domain name: a sequence of labels ending at the root (RFC 1035 3.1). Labels are kept as written, one char per
 * octet (0–255), and compared without regard to ASCII case (RFC 4343), so {@code WWW.Example.lab} equals
 * {@code www.example.lab} and still prints as it was sent. The limits are RFC 1035 2.3.4's: 63 octets a label,
 * 255 octets a name in wire form.
 */
public final class DnsName {
    public static final int MAX_LABEL = 63;
    public static final int MAX_WIRE_LENGTH = 255;
    public static final DnsName ROOT = new DnsName(List.of());

    private final List<String> labels;
    private final String key;

    private DnsName(List<String> labels) {
        this.labels = labels;
        this.key = asciiLowerCase(presentation(labels));
    }

    /** RFC 4343: only A–Z fold; other octets are escaped in presentation form and compare exactly. */
    private static String asciiLowerCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /**
     * A name from its labels, most specific first ({@code [www, example, lab]}).
     *
     * @throws IllegalArgumentException for an empty or over-long label, a char above 255, or a name over 255 octets
     */
    public static DnsName of(List<String> labels) {
        int wire = 1;
        for (String l : labels) {
            if (l.isEmpty()) throw new IllegalArgumentException("empty label");
            if (l.length() > MAX_LABEL) {
                throw new IllegalArgumentException("label \"" + l + "\" is " + l.length() + " octets, over " + MAX_LABEL);
            }
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) > 0xff) throw new IllegalArgumentException("label \"" + l + "\" is not made of octets");
            }
            wire += 1 + l.length();
        }
        if (wire > MAX_WIRE_LENGTH) throw new IllegalArgumentException("name is " + wire + " octets, over " + MAX_WIRE_LENGTH);
        return labels.isEmpty() ? ROOT : new DnsName(Collections.unmodifiableList(new ArrayList<>(labels)));
    }

    /**
     * Parses presentation form: {@code www.example.lab} or {@code www.example.lab.} (names are always absolute
     * here), {@code .} for the root; {@code \.} and {@code \DDD} escape an octet inside a label.
     *
     * @throws IllegalArgumentException naming the text when it is not a name
     */
    public static DnsName parse(String text) {
        if (text.equals(".")) return ROOT;
        List<String> labels = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (isDigit(text, i + 1) && isDigit(text, i + 2) && isDigit(text, i + 3)) {
                    int v = Integer.parseInt(text.substring(i + 1, i + 4));
                    if (v > 255) throw new IllegalArgumentException("bad escape in \"" + text + "\"");
                    label.append((char) v);
                    i += 3;
                } else if (i + 1 < n) {
                    label.append(text.charAt(++i));
                } else {
                    throw new IllegalArgumentException("\"" + text + "\" ends in a backslash");
                }
            } else if (c == '.') {
                if (label.isEmpty()) throw new IllegalArgumentException("\"" + text + "\" has an empty label");
                labels.add(label.toString());
                label.setLength(0);
            } else {
                label.append(c);
            }
        }
        if (!label.isEmpty()) labels.add(label.toString());
        if (labels.isEmpty()) throw new IllegalArgumentException("\"" + text + "\" is not a domain name");
        try {
            return of(labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage());
        }
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    public List<String> labels() { return labels; }

    public int labelCount() { return labels.size(); }

    public boolean isRoot() { return labels.isEmpty(); }

    /** The name one label up ({@code example.lab.} for {@code www.example.lab.}); the root's parent is the root. */
    public DnsName parent() {
        return labels.isEmpty() ? this : new DnsName(labels.subList(1, labels.size()));
    }

    /** {@code label} prepended: {@code www} under {@code example.lab.}. */
    public DnsName child(String label) {
        List<String> l = new ArrayList<>(labels.size() + 1);
        l.add(label);
        l.addAll(labels);
        return of(l);
    }

    /** Whether this name is {@code zone} or lies under it (every name lies under the root). */
    public boolean isSubdomainOf(DnsName zone) {
        int extra = labels.size() - zone.labels.size();
        if (extra < 0) return false;
        for (int i = 0; i < zone.labels.size(); i++) {
            if (!asciiLowerCase(labels.get(extra + i)).equals(asciiLowerCase(zone.labels.get(i)))) return false;
        }
        return true;
    }

    /** Octets in uncompressed wire form: a length octet per label, the label, and the root's zero octet. */
    public int wireLength() {
        int n = 1;
        for (String l : labels) n += 1 + l.length();
        return n;
    }

    /** The case-folded presentation form ({@code www.example.lab.}), for maps keyed by name. */
    public String canonical() { return key; }

    /** Presentation form, absolute, as dig prints it: special octets escaped, the root as {@code .}. */
    @Override
    public String toString() { return presentation(labels); }

    private static String presentation(List<String> labels) {
        if (labels.isEmpty()) return ".";
        StringBuilder s = new StringBuilder();
        for (String l : labels) {
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                switch (c) {
                    case '.', '\\', '"', '(', ')', ';', '@', '$' -> s.append('\\').append(c);
                    default -> {
                        if (c <= 0x20 || c >= 0x7f) s.append('\\').append(String.format("%03d", (int) c));
                        else s.append(c);
                    }
                }
            }
            s.append('.');
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsName n && n.key.equals(key);
    }

    @Override
    public int hashCode() { return key.hashCode(); }
}
