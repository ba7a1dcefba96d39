package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts the stack's sources pass to the calls that word a cause or a detail, each written out as it would read:
 * string literals joined, anything else as {@code 7}, each side of a {@code ?:} on its own, a
 * {@code String.format} with its conversions as {@code 7}. A call whose text is a variable passed on adds none.
 */
final class StackTexts {
    private StackTexts() {}

    /**
     * @param call   the calls, matched up to their opening parenthesis
     * @param pick   which of a call's top-level arguments is the text (null: the call has none)
     */
    static List<String> passedTo(String source, Pattern call, Function<List<String>, String> pick) {
        List<String> texts = new ArrayList<>();
        Matcher m = call.matcher(source);
        while (m.find()) {
            List<String> args = arguments(source, m.end());
            if (args.isEmpty()) continue;
            String text = pick.apply(args);
            if (text == null || !text.contains("\"")) continue;
            for (String alternative : alternatives(text)) texts.add(evaluate(alternative));
        }
        return texts;
    }

    /** The top-level arguments of the call whose parenthesis opened just before {@code at}. */
    static List<String> arguments(String s, int at) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = at;
        for (int i = at; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
                while (s.charAt(i - 1) == '\\') i = s.indexOf('"', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth-- == 0) {
                    args.add(s.substring(start, i).strip());
                    return args;
                }
            } else if (c == ',' && depth == 0) {
                args.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        return args;
    }

    private static List<String> alternatives(String expression) {
        int q = topLevel(expression, '?');
        if (q < 0) return List.of(expression);
        String rest = expression.substring(q + 1);
        int colon = topLevel(rest, ':');
        return List.of(rest.substring(0, colon), rest.substring(colon + 1));
    }

    /** An expression written out as it would read. */
    static String evaluate(String expression) {
        String e = expression.strip();
        if (e.startsWith("String.format(")) {
            String format = arguments(e, "String.format(".length()).getFirst();
            return evaluate(format).replaceAll("%[-0-9.]*[a-zA-Z]", "7");
        }
        StringBuilder out = new StringBuilder();
        Matcher lit = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(e);
        int at = 0;
        while (lit.find()) {
            if (!e.substring(at, lit.start()).replace("+", "").isBlank()) out.append('7');
            out.append(lit.group(1).replace("\\'", "'"));
            at = lit.end();
        }
        if (!e.substring(at).replace("+", "").isBlank()) out.append('7');
        return out.toString();
    }

    private static int topLevel(String s, char wanted) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') i = s.indexOf('"', i + 1);
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == wanted && depth == 0) return i;
        }
        return -1;
    }
}
