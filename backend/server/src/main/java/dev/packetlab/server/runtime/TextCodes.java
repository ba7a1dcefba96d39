package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table that reads the stack's English texts (socket causes, drop details) as stable codes with parameters, so
 * that a client says them in its user's language. Each entry is a code and the text it stands for, with {@code {name}}
 * for the parts that vary (one word each); a text the table does not know is {@link #OTHER}.
 */
final class TextCodes {
    /** The code of a text the table does not know. */
    static final String OTHER = "other";

    /** A text read as its code and the varying parts by name. */
    record Match(String code, Map<String, String> params) {}

    private record Form(String code, Pattern pattern, List<String> names) {}

    private final List<Form> forms = new ArrayList<>();

    /** A text that never varies. */
    TextCodes exact(String code, String text) {
        forms.add(new Form(code, Pattern.compile(Pattern.quote(text)), List.of()));
        return this;
    }

    /** A text with {@code {name}} parts, each standing for one word (text without spaces). */
    TextCodes form(String code, String text) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(\\S+?)");
            names.add(m.group(1));
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        forms.add(new Form(code, Pattern.compile(regex.toString()), List.copyOf(names)));
        return this;
    }

    /** The first entry {@code text} is, or {@link #OTHER} with no parameters (also for null). */
    Match match(String text) {
        if (text != null) {
            for (Form f : forms) {
                Matcher m = f.pattern().matcher(text);
                if (!m.matches()) continue;
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < f.names().size(); i++) params.put(f.names().get(i), m.group(i + 1));
                return new Match(f.code(), params);
            }
        }
        return new Match(OTHER, Map.of());
    }

    /** Every code with its parameter names, {@link #OTHER} last. */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Form f : forms) result.put(f.code(), f.names());
        result.put(OTHER, List.of());
        return result;
    }

    /** Every code, {@link #OTHER} last. */
    List<String> codes() {
        return List.copyOf(parameters().keySet());
    }
}
