package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The control sequences that draw, move and erase a typed line after what a node printed. */
class TerminalScreenTest {
    static final String ESC = "\u001b[";

    @Test
    void aLineIsDrawnAsItsPromptAndText() {
        TerminalScreen s = new TerminalScreen("", 80);
        assertThat(s.draw("$ ", "ls", 2)).isEqualTo("$ ls");
        assertThat(s.drawn()).isTrue();
    }

    @Test
    void drawingItAgainGoesBackToItsStartAndErasesBelowFirst() {
        TerminalScreen s = new TerminalScreen("", 80);
        s.draw("$ ", "ls", 2);
        assertThat(s.draw("$ ", "ls -l", 5)).isEqualTo("\r" + ESC + "J$ ls -l");
    }

    @Test
    void drawingWhatIsAlreadyDrawnWritesNothing() {
        TerminalScreen s = new TerminalScreen("", 80);
        s.draw("$ ", "ls", 2);
        assertThat(s.draw("$ ", "ls", 2)).isEmpty();
    }

    @Test
    void aCursorInsideTheLineIsPlacedFromTheRowStart() {
        TerminalScreen s = new TerminalScreen("", 80);
        assertThat(s.draw("$ ", "abc", 1)).isEqualTo("$ abc\r" + ESC + "3C");
    }

    @Test
    void aLineStartsWhereThePrintedTextEnds() {
        TerminalScreen s = new TerminalScreen("$ nc srv 8888\nhello", 80);
        s.draw("", "x", 1);
        assertThat(s.erase()).isEqualTo("\r" + ESC + "5C" + ESC + "J");
    }

    @Test
    void printingErasesTheLineFirstAndTheNextDrawingStartsAfterThePrintedText() {
        TerminalScreen s = new TerminalScreen("", 80);
        s.draw("$ ", "pi", 2);
        assertThat(s.print("64 bytes from 10.0.0.2\n")).isEqualTo("\r" + ESC + "J");
        assertThat(s.drawn()).isFalse();
        assertThat(s.print("more\n")).isEmpty();
        assertThat(s.draw("$ ", "pi", 2)).isEqualTo("$ pi");
    }

    @Test
    void aWrappedLineIsErasedFromItsFirstRow() {
        TerminalScreen s = new TerminalScreen("", 10);
        assertThat(s.draw("$ ", "0123456789ab", 12)).isEqualTo("$ 0123456789ab");
        assertThat(s.erase()).isEqualTo(ESC + "1A\r" + ESC + "J");
    }

    @Test
    void aLineEndingAtTheRightMarginWrapsAtOnceSoTheCursorIsWhereItIsCounted() {
        TerminalScreen s = new TerminalScreen("", 10);
        assertThat(s.draw("$ ", "01234567", 8)).isEqualTo("$ 01234567 \r");
        assertThat(s.erase()).isEqualTo(ESC + "1A\r" + ESC + "J");
    }

    @Test
    void aCursorOnAnEarlierRowIsMovedUpToIt() {
        TerminalScreen s = new TerminalScreen("", 10);
        assertThat(s.draw("$ ", "0123456789ab", 3)).isEqualTo("$ 0123456789ab" + ESC + "1A\r" + ESC + "5C");
        assertThat(s.erase()).isEqualTo("\r" + ESC + "J");
    }

    @Test
    void printedTextThatFilledItsRowMakesTheLineStartOnTheNext() {
        TerminalScreen s = new TerminalScreen("0123456789", 10);
        assertThat(s.draw("$ ", "ls", 2)).isEqualTo(" \r$ ls");
    }

    @Test
    void hangulTakesTwoColumns() {
        TerminalScreen s = new TerminalScreen("", 80);
        assertThat(s.draw("$ ", "echo 안녕", 6)).isEqualTo("$ echo 안녕\r" + ESC + "9C");
        assertThat(TerminalScreen.width("안녕")).isEqualTo(4);
    }

    @Test
    void aTabMovesThePrintedTextToTheNextStopOfEight() {
        TerminalScreen s = new TerminalScreen("a\tb", 80);
        s.draw("", "x", 1);
        assertThat(s.erase()).isEqualTo("\r" + ESC + "9C" + ESC + "J");
    }

    @Test
    void aCancelledLineStaysWithCaretCAfterItAndTheNextStartsBelow() {
        TerminalScreen s = new TerminalScreen("", 80);
        s.draw("$ ", "abc", 1);
        assertThat(s.cancel()).isEqualTo("\r" + ESC + "5C^C\r\n");
        assertThat(s.draw("$ ", "", 0)).isEqualTo("$ ");
    }

    @Test
    void clearingTheScreenStartsTheLineAtTheTop() {
        TerminalScreen s = new TerminalScreen("lots of output\n", 80);
        s.draw("$ ", "ls", 2);
        assertThat(s.clear()).isEqualTo(ESC + "H" + ESC + "2J");
        assertThat(s.draw("$ ", "ls", 2)).isEqualTo("$ ls");
    }

    @Test
    void anEmptyLineWithoutAPromptLeavesNothingToErase() {
        TerminalScreen s = new TerminalScreen("$ cat\n", 80);
        assertThat(s.draw("", "", 0)).isEmpty();
        assertThat(s.drawn()).isFalse();
        assertThat(s.erase()).isEmpty();
    }

    @Test
    void aNewWidthBeforeAnythingIsDrawnOnlyChangesTheCounting() {
        TerminalScreen s = new TerminalScreen("", 80);
        assertThat(s.resize(10, "$ ", "", 0)).isEmpty();
        assertThat(s.draw("$ ", "0123456789", 10)).isEqualTo("$ 0123456789");
        assertThat(s.erase()).isEqualTo(ESC + "1A\r" + ESC + "J");
    }

    @Test
    void aNewWidthRedrawsTheLineForIt() {
        TerminalScreen s = new TerminalScreen("", 80);
        s.draw("$ ", "0123456789ab", 12);
        assertThat(s.resize(10, "$ ", "0123456789ab", 12)).isEqualTo("\r" + ESC + "J$ 0123456789ab");
        assertThat(s.erase()).isEqualTo(ESC + "1A\r" + ESC + "J");
    }
}
