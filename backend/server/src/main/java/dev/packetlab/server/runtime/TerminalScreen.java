package dev.packetlab.server.runtime;

/**
 * What a node's terminal shows at its end: the text the node printed, and after it the line being typed, drawn with its
 * prompt and the cursor in it. It writes the xterm control sequences (ECMA-48) that draw, move and erase that line,
 * so that a client writes them as they come, between the node's own output, and its screen stays right: before the
 * node prints, the line is erased (the output takes its place); afterwards it is drawn again below.
 *
 * <p>It keeps track of the column where the printed text ends and of the screen's width, and draws with relative
 * moves only ({@code CUU}, {@code CHA}-like {@code CR} then {@code CUF}, {@code ED}), so a line that wraps onto more
 * rows, or a screen that scrolled, is redrawn right. Wide characters (Hangul, CJK) take two columns, combining marks
 * none; control sequences the node prints are not followed (nothing the shell runs prints any).
 */
final class TerminalScreen {
    static final int DEFAULT_COLUMNS = 80;
    private static final String CSI = "\u001b[";

    private int columns;
    /** Columns of the printed text's last row, counting from its start and past the width when it wrapped. */
    private long printed;
    /** Whether the typed line is on the screen, and as what: prompt + line, the cursor at {@link #drawnCursor}. */
    private boolean drawn;
    private String drawnText = "";
    /** The cursor drawn, in columns from the start of the prompt. */
    private int drawnCursor;
    /** Where the drawn line starts on its first row. */
    private int start;

    /** A screen {@code columns} wide that has printed {@code text} so far and shows no typed line. */
    TerminalScreen(String text, int columns) {
        this.columns = columns;
        advance(text);
    }

    int columns() {
        return columns;
    }

    /** The width of the client's screen; the line is drawn again to fit it. */
    String resize(int columns, String prompt, String line, int cursor) {
        if (columns == this.columns) return "";
        if (!drawn) {
            this.columns = columns;
            return "";
        }
        String erase = erase();
        this.columns = columns;
        return erase + draw(prompt, line, cursor);
    }

    boolean drawn() {
        return drawn;
    }

    /** The node printed {@code text}: what erases the typed line first (empty when none is drawn). */
    String print(String text) {
        String erase = erase();
        advance(text);
        return erase;
    }

    /** What takes the typed line off the screen, leaving the cursor where the printed text ends. */
    String erase() {
        if (!drawn) return "";
        drawn = false;
        return toStart() + CSI + "J";
    }

    /**
     * What draws {@code prompt + line} with the cursor before code point {@code cursor} of {@code line}, replacing
     * the line drawn; empty when that is what is drawn. Nothing to draw (no prompt while a command reads the
     * input, nothing typed) leaves nothing on the screen.
     */
    String draw(String prompt, String line, int cursor) {
        String text = prompt + line;
        int cursorColumns = width(prompt) + width(line.substring(0, line.offsetByCodePoints(0, cursor)));
        if (drawn && text.equals(drawnText) && cursorColumns == drawnCursor) return "";
        StringBuilder out = new StringBuilder(erase());
        if (text.isEmpty()) return out.toString();
        if (printed > 0 && printed % columns == 0) {
            // the printed text filled its last row exactly: the terminal waits to wrap; start on the next row
            out.append(" \r");
            printed = 0;
        }
        start = (int) (printed % columns);
        out.append(text);
        int end = start + width(text);
        int endRow = end / columns;
        if (end > 0 && end % columns == 0) out.append(" \r"); // wrap now, so the cursor is where the counting says
        int at = start + cursorColumns;
        int up = endRow - at / columns;
        if (up > 0) out.append(CSI).append(up).append('A');
        if (at != end) {
            out.append('\r');
            if (at % columns > 0) out.append(CSI).append(at % columns).append('C');
        }
        drawn = true;
        drawnText = text;
        drawnCursor = cursorColumns;
        return out.toString();
    }

    /**
     * Ctrl-C with nothing to interrupt: the typed line stays on the screen with {@code ^C} after it, as a shell shows
     * it, and printing goes on on the next row.
     */
    String cancel() {
        if (!drawn) {
            printed = 0;
            return "^C\r\n";
        }
        int end = start + width(drawnText);
        int at = start + drawnCursor;
        StringBuilder out = new StringBuilder();
        int down = end / columns - at / columns;
        if (down > 0) out.append(CSI).append(down).append('B');
        out.append('\r');
        if (end % columns > 0) out.append(CSI).append(end % columns).append('C');
        out.append("^C\r\n");
        drawn = false;
        printed = 0;
        return out.toString();
    }

    /** Ctrl-L: a clear screen, the typed line to be drawn again at its top. */
    String clear() {
        drawn = false;
        printed = 0;
        return CSI + "H" + CSI + "2J";
    }

    /** From the drawn cursor to where the drawn line starts. */
    private String toStart() {
        int at = start + drawnCursor;
        StringBuilder out = new StringBuilder();
        if (at / columns > 0) out.append(CSI).append(at / columns).append('A');
        out.append('\r');
        if (start > 0) out.append(CSI).append(start).append('C');
        return out.toString();
    }

    private void advance(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n', '\r' -> printed = 0;
                case '\t' -> printed = printed - printed % columns + Math.min(columns - 1, (printed % columns / 8 + 1) * 8);
                case '\b' -> printed = Math.max(0, printed - 1);
                default -> printed += width(c);
            }
        }
    }

    /** Columns a text takes. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            w += width(c);
        }
        return w;
    }

    /**
     * Columns a character takes: none for combining marks and controls, two for the East Asian wide ranges (Hangul,
     * CJK, full-width forms; UAX #11's W and F), one for the rest.
     */
    static int width(int c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        boolean wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f)
                || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
                || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f)
                || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
        return wide ? 2 : 1;
    }
}
