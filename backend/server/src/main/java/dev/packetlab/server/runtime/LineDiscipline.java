package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The line a user is typing at a node's terminal, edited key by key as a terminal's line discipline and a shell's line
 * editor do (POSIX 11.1.6 canonical input, with readline's emacs keys): the node's shell only ever gets whole lines,
 * Ctrl-C and Ctrl-D. Keys are what xterm sends: text, control characters and escape sequences (ECMA-48 CSI and SS3),
 * possibly several keys or a pasted text at once, and an escape sequence may be split between two messages.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>printable text</td><td>inserted at the cursor</td></tr>
 * <tr><td>Enter (CR, LF, CR LF)</td><td>{@link Submit} the line</td></tr>
 * <tr><td>Backspace (DEL, BS), Delete ({@code CSI 3~})</td><td>delete before / under the cursor</td></tr>
 * <tr><td>Left, Right; Ctrl-B, Ctrl-F</td><td>cursor one character; with Ctrl ({@code CSI 1;5D}) one word</td></tr>
 * <tr><td>Home, End; Ctrl-A, Ctrl-E</td><td>cursor to the start / end</td></tr>
 * <tr><td>Up, Down</td><td>older / newer line of the history; below the newest, the line being typed</td></tr>
 * <tr><td>Ctrl-U, Ctrl-K, Ctrl-W</td><td>delete to the start, to the end, the word before the cursor</td></tr>
 * <tr><td>Ctrl-C</td><td>{@link Interrupt}; the line is dropped</td></tr>
 * <tr><td>Ctrl-D</td><td>on an empty line {@link EndOfInput}, else delete under the cursor</td></tr>
 * <tr><td>Ctrl-L</td><td>{@link ClearScreen}</td></tr>
 * </table>
 *
 * Anything else (Tab, other control characters, unknown sequences, Alt-keys) is ignored. Positions count Unicode
 * code points. Not thread-safe: one instance's thread uses it.
 */
final class LineDiscipline {
    /** The longest line it keeps; further characters are ignored, as a terminal's input queue does when full. */
    static final int MAX_LINE = 4096;
    /** Lines of history kept. */
    static final int HISTORY = 200;

    /** What typing asks of the node, with the line as it stood when the key was typed. */
    sealed interface Action permits Submit, Interrupt, EndOfInput, ClearScreen {}

    /** Enter: {@code line} goes to the node. */
    record Submit(String line) implements Action {}

    /** Ctrl-C while {@code line} was typed (with the cursor at {@code cursor}); the line is dropped. */
    record Interrupt(String line, int cursor) implements Action {}

    /** Ctrl-D on an empty line. */
    record EndOfInput() implements Action {}

    /** Ctrl-L. */
    record ClearScreen() implements Action {}

    private final StringBuilder line = new StringBuilder();
    /** The cursor, in code points from the start of {@link #line}. */
    private int cursor;
    private final List<String> history = new ArrayList<>();
    /** While browsing the history with Up/Down: the entry shown; {@code history.size()} is the line being typed. */
    private int browsing;
    /** The line being typed when Up was first pressed, given back by Down past the newest entry. */
    private String draft = "";
    /** The start of an escape sequence that the next keys complete. */
    private final StringBuilder pending = new StringBuilder();

    /** The line as typed so far. */
    String line() {
        return line.toString();
    }

    /** The cursor, in code points from the start of the line. */
    int cursor() {
        return cursor;
    }

    /** The lines remembered, oldest first. */
    List<String> history() {
        return List.copyOf(history);
    }

    /**
     * Takes what a terminal sent and returns what it asks of the node, in order. The line afterwards is what follows
     * the last Enter, Ctrl-C or Ctrl-D.
     */
    List<Action> type(String keys) {
        List<Action> actions = new ArrayList<>();
        String data = pending + keys;
        pending.setLength(0);
        int i = 0;
        while (i < data.length()) {
            int c = data.codePointAt(i);
            if (c == 0x1b) {
                int end = escapeEnd(data, i);
                if (end < 0) { // the rest of the sequence comes with the next keys
                    pending.append(data, i, data.length());
                    break;
                }
                escape(data.substring(i, end));
                i = end;
                continue;
            }
            i += Character.charCount(c);
            switch (c) {
                case '\r' -> {
                    if (i < data.length() && data.charAt(i) == '\n') i++; // CR LF, as a paste has it, is one Enter
                    actions.add(new Submit(take()));
                }
                case '\n' -> actions.add(new Submit(take()));
                case 0x7f, '\b' -> backspace();
                case 0x03 -> {
                    actions.add(new Interrupt(line(), cursor));
                    take();
                }
                case 0x04 -> {
                    if (line.isEmpty()) actions.add(new EndOfInput());
                    else delete();
                }
                case 0x01 -> cursor = 0;
                case 0x05 -> cursor = length();
                case 0x02 -> left();
                case 0x06 -> right();
                case 0x15 -> {
                    line.delete(0, offset(cursor));
                    cursor = 0;
                }
                case 0x0b -> line.setLength(offset(cursor));
                case 0x17 -> deleteWordBefore();
                case 0x0c -> actions.add(new ClearScreen());
                default -> {
                    if (c >= 0x20 && !Character.isISOControl(c)) insert(c);
                }
            }
        }
        return actions;
    }

    /**
     * Where the escape sequence at {@code start} ends (exclusive), or -1 when {@code data} ends first. CSI is
     * {@code ESC [} then parameter and intermediate bytes and one final byte (ECMA-48 5.4); SS3 is {@code ESC O} and
     * one character; {@code ESC} and any other character is an Alt-key.
     */
    private static int escapeEnd(String data, int start) {
        if (start + 1 >= data.length()) return -1;
        char kind = data.charAt(start + 1);
        if (kind == 'O') return start + 2 < data.length() ? start + 3 : -1;
        if (kind != '[') return start + 1 + Character.charCount(data.codePointAt(start + 1));
        for (int i = start + 2; i < data.length(); i++) {
            char b = data.charAt(i);
            if (b >= 0x40 && b <= 0x7e) return i + 1;
            if (b < 0x20 || b > 0x3f) return i; // not a CSI byte: drop what came so far, keep this
        }
        return -1;
    }

    private void escape(String seq) {
        switch (seq) {
            case "\u001b[D", "\u001bOD" -> left();
            case "\u001b[C", "\u001bOC" -> right();
            case "\u001b[1;5D", "\u001b[1;3D", "\u001bb" -> wordLeft();
            case "\u001b[1;5C", "\u001b[1;3C", "\u001bf" -> wordRight();
            case "\u001b[H", "\u001bOH", "\u001b[1~", "\u001b[7~" -> cursor = 0;
            case "\u001b[F", "\u001bOF", "\u001b[4~", "\u001b[8~" -> cursor = length();
            case "\u001b[A", "\u001bOA" -> older();
            case "\u001b[B", "\u001bOB" -> newer();
            case "\u001b[3~" -> delete();
            default -> { } // another key (F1, Insert, a bracketed paste's markers, an Alt-key): nothing to edit
        }
    }

    /**
     * Remembers a command line for Up: not a blank one, nor one equal to the newest (bash's
     * {@code HISTCONTROL=ignoredups}), and at most {@link #HISTORY}.
     */
    void remember(String command) {
        if (command.isBlank() || (!history.isEmpty() && history.getLast().equals(command))) return;
        history.add(command);
        if (history.size() > HISTORY) history.removeFirst();
        browsing = history.size();
    }

    /** Puts a line back to edit again, the cursor at its end (a line the node could not take). */
    void restore(String text) {
        line.setLength(0);
        line.append(text);
        cursor = length();
    }

    private String take() {
        String taken = line.toString();
        line.setLength(0);
        cursor = 0;
        browsing = history.size();
        draft = "";
        return taken;
    }

    private int length() {
        return line.codePointCount(0, line.length());
    }

    /** The char index of code point {@code n}. */
    private int offset(int n) {
        return line.offsetByCodePoints(0, n);
    }

    private void insert(int c) {
        if (line.length() + Character.charCount(c) > MAX_LINE) return;
        line.insert(offset(cursor), Character.toChars(c));
        cursor++;
    }

    private void backspace() {
        if (cursor == 0) return;
        line.delete(offset(cursor - 1), offset(cursor));
        cursor--;
    }

    private void delete() {
        if (cursor == length()) return;
        line.delete(offset(cursor), offset(cursor + 1));
    }

    private void left() {
        if (cursor > 0) cursor--;
    }

    private void right() {
        if (cursor < length()) cursor++;
    }

    private int codePoint(int n) {
        return line.codePointAt(offset(n));
    }

    /** To the start of this word or the one before, as readline's backward-word. */
    private void wordLeft() {
        while (cursor > 0 && !Character.isLetterOrDigit(codePoint(cursor - 1))) cursor--;
        while (cursor > 0 && Character.isLetterOrDigit(codePoint(cursor - 1))) cursor--;
    }

    /** To the end of this word or the next, as readline's forward-word. */
    private void wordRight() {
        int n = length();
        while (cursor < n && !Character.isLetterOrDigit(codePoint(cursor))) cursor++;
        while (cursor < n && Character.isLetterOrDigit(codePoint(cursor))) cursor++;
    }

    /** Ctrl-W: the white-space-delimited word before the cursor, as a terminal's WERASE. */
    private void deleteWordBefore() {
        int to = cursor;
        while (cursor > 0 && Character.isWhitespace(codePoint(cursor - 1))) cursor--;
        while (cursor > 0 && !Character.isWhitespace(codePoint(cursor - 1))) cursor--;
        line.delete(offset(cursor), offset(to));
    }

    private void older() {
        if (browsing == 0) return;
        if (browsing == history.size()) draft = line.toString();
        browsing--;
        restore(history.get(browsing));
    }

    private void newer() {
        if (browsing == history.size()) return;
        browsing++;
        restore(browsing == history.size() ? draft : history.get(browsing));
    }
}
