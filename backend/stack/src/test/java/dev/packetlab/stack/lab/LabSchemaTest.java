package dev.packetlab.stack.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.lab.NodeSpec.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/lab.schema.json and the parser accept the same keys and words, so neither can drift from the other silently. */
class LabSchemaTest {
    private static Map<String, Object> schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schema = object(new JsonReader(Files.readString(Path.of("../../docs/lab.schema.json"))).document());
    }

    @Test
    void everyObjectInTheSchemaListsExactlyTheKeysTheParserAccepts() {
        Map<String, Object> defs = object(schema.get("$defs"));
        LabParser.keysByObject().forEach((name, keys) -> {
            Map<String, Object> def = name.equals("lab") ? schema : object(defs.get(name));
            assertThat(object(def.get("properties")).keySet()).as("properties of %s", name)
                    .containsExactlyInAnyOrderElementsOf(keys);
            assertThat(def.get("additionalProperties")).as("%s rejects unknown keys", name).isEqualTo(false);
        });
    }

    @Test
    void theSchemaNamesTheSameKindsAsTheParser() {
        Map<String, Object> node = object(object(schema.get("$defs")).get("node"));
        assertThat(object(object(node.get("properties")).get("kind")).get("enum"))
                .isEqualTo(Arrays.stream(Kind.values()).map(Kind::word).toList());
    }

    @Test
    void theSchemaAndTheParserAgreeOnWhatAnIdIs() {
        Map<String, Object> id = object(object(schema.get("$defs")).get("id"));
        assertThat(id.get("pattern")).isEqualTo("^" + LabParser.ID.pattern() + "$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** Just enough JSON (RFC 8259) for the schema: objects, arrays, strings with escapes, numbers, literals. */
    private static final class JsonReader {
        private final String text;
        private int at;

        JsonReader(String text) {
            this.text = text;
        }

        Object document() {
            Object v = value();
            space();
            if (at != text.length()) throw new IllegalArgumentException("trailing text at " + at);
            return v;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            if (c == '{') return members();
            if (c == '[') return elements();
            if (c == '"') return string();
            for (String literal : List.of("true", "false", "null")) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = at;
            while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) at++;
            if (start == at) throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
            return Double.parseDouble(text.substring(start, at));
        }

        private Map<String, Object> members() {
            Map<String, Object> m = new LinkedHashMap<>();
            at++;
            space();
            if (text.charAt(at) == '}') {
                at++;
                return m;
            }
            do {
                space();
                String key = string();
                expect(':');
                if (m.put(key, value()) != null) throw new IllegalArgumentException("duplicate key " + key);
            } while (next(',', '}'));
            return m;
        }

        private List<Object> elements() {
            List<Object> l = new ArrayList<>();
            at++;
            space();
            if (text.charAt(at) == ']') {
                at++;
                return l;
            }
            do l.add(value()); while (next(',', ']'));
            return l;
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(e); // \" \\ \/
                }
            }
            return s.toString();
        }

        /** Consumes {@code more} (true) or {@code end} (false). */
        private boolean next(char more, char end) {
            space();
            char c = text.charAt(at++);
            if (c == more) return true;
            if (c == end) return false;
            throw new IllegalArgumentException("expected '" + more + "' or '" + end + "' at " + (at - 1));
        }

        private void expect(char c) {
            space();
            if (text.charAt(at) != c) throw new IllegalArgumentException("expected '" + c + "' at " + at);
            at++;
        }

        private void space() {
            while (at < text.length() && Set.of(' ', '\n', '\r', '\t').contains(text.charAt(at))) at++;
        }
    }
}
