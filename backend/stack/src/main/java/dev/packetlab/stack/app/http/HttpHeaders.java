package dev.packetlab.stack.app.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one message, in the order they were written or received (RFC 9110 5.3: the order of fields
 * with the same name matters, and a proxy or a learner reading a capture sees them in this order). Names compare
 * without regard to case (RFC 9110 5.1); each field keeps the spelling it was written with.
 */
public final class HttpHeaders {
    /** One field line: its name as written and its value without the surrounding white space (RFC 9112 5). */
    public record Field(String name, String value) {}

    private final List<Field> fields = new ArrayList<>();

    public HttpHeaders() {}

    /** A copy of {@code other}. */
    public HttpHeaders(HttpHeaders other) {
        fields.addAll(other.fields);
    }

    /** Adds a field after the others, keeping any with the same name. */
    public HttpHeaders add(String name, String value) {
        fields.add(new Field(name, value));
        return this;
    }

    /** Replaces every field named {@code name} by one, in the place of the first (or at the end). */
    public HttpHeaders set(String name, String value) {
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                fields.remove(i);
                at = i;
            }
        }
        if (at < 0) fields.add(new Field(name, value));
        else fields.add(at, new Field(name, value));
        return this;
    }

    /** Removes every field named {@code name}. */
    public HttpHeaders remove(String name) {
        fields.removeIf(f -> f.name().equalsIgnoreCase(name));
        return this;
    }

    /** The value of the first field named {@code name}, or null. */
    public String get(String name) {
        for (Field f : fields) if (f.name().equalsIgnoreCase(name)) return f.value();
        return null;
    }

    /** Every value of the fields named {@code name}, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field f : fields) if (f.name().equalsIgnoreCase(name)) values.add(f.value());
        return values;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /**
     * Whether a list-valued field ({@code Connection}, {@code Transfer-Encoding}) names {@code token}: its values are
     * joined with commas and split again (RFC 9110 5.3, 5.6.1), and tokens compare without regard to case.
     */
    public boolean hasToken(String name, String token) {
        for (String t : tokens(name)) if (t.equalsIgnoreCase(token)) return true;
        return false;
    }

    /** The comma-separated elements of every field named {@code name}, trimmed, empty elements left out. */
    public List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String v : all(name)) {
            for (String t : v.split(",")) {
                String s = t.strip();
                if (!s.isEmpty()) out.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Field f : fields) b.append(f.name()).append(": ").append(f.value()).append("\r\n");
        return b.toString();
    }
}
