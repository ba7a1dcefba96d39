package dev.packetlab.stack.app;

import java.util.List;

/**
 * {@code echo}: prints its words joined by one space, then a newline, as bash's builtin does. {@code -n} leaves the
 * newline out; {@code -e} interprets backslash escapes ({@code \n}, {@code \t}, {@code \r}, {@code \\}, {@code \c},
 * {@code \0nnn}, {@code \xHH}), so that {@code echo -e "GET / HTTP/1.0\r\n\r\n" | nc …} sends a request;
 * {@code -E} turns them off again. Like bash, a word is an option only when it is {@code -} followed by nothing but
 * those letters, and the options end at the first word that is not one: {@code echo -x} prints {@code -x}.
 */
final class Echo implements Command {
    @Override
    public String name() { return "echo"; }

    @Override
    public String summary() { return "print its arguments, e.g. into a pipe: echo hello | cat"; }

    @Override
    public String usage() {
        return """
                usage: echo [-neE] [WORD]...
                  -n  do not print the final newline
                  -e  interpret backslash escapes: \\n newline, \\t tab, \\r carriage return, \\\\ backslash,
                      \\c stop here, \\0NNN octal byte, \\xHH hex byte
                  -E  do not interpret them (the default)""";
    }

    @Override
    public void run(Process p) {
        List<String> args = p.args();
        boolean newline = true;
        boolean escapes = false;
        int first = 0;
        while (first < args.size() && isOption(args.get(first))) {
            for (char c : args.get(first).substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else escapes = c == 'e';
            }
            first++;
        }
        String text = String.join(" ", args.subList(first, args.size()));
        if (escapes) {
            StringBuilder out = new StringBuilder();
            if (!unescape(text, out)) newline = false; // \c: no further output, the newline included
            text = out.toString();
        }
        p.print(newline ? text + "\n" : text);
        p.exit(0);
    }

    private static boolean isOption(String word) {
        if (word.length() < 2 || word.charAt(0) != '-') return false;
        for (int i = 1; i < word.length(); i++) if ("neE".indexOf(word.charAt(i)) < 0) return false;
        return true;
    }

    /**
     * Appends {@code text} to {@code out} with bash's {@code echo -e} escapes replaced; an unknown escape stays as
     * it is. Returns false when {@code \c} cut the output short.
     */
    static boolean unescape(String text, StringBuilder out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == n) {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'c' -> { return false; }
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '0' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 3 && i + 1 < n && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '7') {
                        value = value * 8 + text.charAt(++i) - '0';
                        digits++;
                    }
                    out.append((char) (value & 0xff));
                }
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < n && Character.digit(text.charAt(i + 1), 16) >= 0) {
                        value = value * 16 + Character.digit(text.charAt(++i), 16);
                        digits++;
                    }
                    if (digits == 0) out.append("\\x");
                    else out.append((char) value);
                }
                default -> out.append('\\').append(e);
            }
        }
        return true;
    }
}
