package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.LineDiscipline.ClearScreen;
import dev.packetlab.server.runtime.LineDiscipline.EndOfInput;
import dev.packetlab.server.runtime.LineDiscipline.Interrupt;
import dev.packetlab.server.runtime.LineDiscipline.Submit;
import org.junit.jupiter.api.Test;

/** Keys as xterm sends them, edited into the line a shell gets. */
class LineDisciplineTest {
    static final String LEFT = "\u001b[D";
    static final String RIGHT = "\u001b[C";
    static final String UP = "\u001b[A";
    static final String DOWN = "\u001b[B";

    final LineDiscipline keys = new LineDiscipline();

    @Test
    void printableKeysAreInsertedAtTheCursor() {
        assertThat(keys.type("ls")).isEmpty();
        assertThat(keys.line()).isEqualTo("ls");
        assertThat(keys.cursor()).isEqualTo(2);
    }

    @Test
    void enterSubmitsTheLineAndStartsAnEmptyOne() {
        assertThat(keys.type("ls -l\r")).containsExactly(new Submit("ls -l"));
        assertThat(keys.line()).isEmpty();
        assertThat(keys.cursor()).isZero();
    }

    @Test
    void aPasteOfSeveralLinesSubmitsEachAndCrLfIsOneEnter() {
        assertThat(keys.type("echo a\r\necho b\necho c")).containsExactly(new Submit("echo a"), new Submit("echo b"));
        assertThat(keys.line()).isEqualTo("echo c");
    }

    @Test
    void backspaceDeletesTheCharacterBeforeTheCursorAsDelOrBs() {
        keys.type("abcd\u007f\b");
        assertThat(keys.line()).isEqualTo("ab");
        assertThat(keys.cursor()).isEqualTo(2);
    }

    @Test
    void backspaceAtTheStartDoesNothing() {
        keys.type("ab" + LEFT + LEFT + "\u007f");
        assertThat(keys.line()).isEqualTo("ab");
        assertThat(keys.cursor()).isZero();
    }

    @Test
    void leftAndRightMoveTheCursorAndTypingInsertsThere() {
        keys.type("ac" + LEFT + "b");
        assertThat(keys.line()).isEqualTo("abc");
        assertThat(keys.cursor()).isEqualTo(2);
        keys.type(RIGHT + RIGHT + "d");
        assertThat(keys.line()).isEqualTo("abcd");
    }

    @Test
    void theCursorKeysInApplicationModeMoveTheSame() {
        keys.type("ac\u001bODb\u001bOCd");
        assertThat(keys.line()).isEqualTo("abcd");
    }

    @Test
    void homeAndEndInEachOfTheirEncodingsAndCtrlAAndCtrlE() {
        for (String home : new String[] {"\u001b[H", "\u001bOH", "\u001b[1~", "\u001b[7~", "\u0001"}) {
            keys.type("x" + home);
            assertThat(keys.cursor()).as(home).isZero();
        }
        for (String end : new String[] {"\u001b[F", "\u001bOF", "\u001b[4~", "\u001b[8~", "\u0005"}) {
            keys.type("\u0001" + end);
            assertThat(keys.cursor()).as(end).isEqualTo(keys.line().length());
        }
    }

    @Test
    void deleteRemovesTheCharacterUnderTheCursor() {
        keys.type("abc" + LEFT + LEFT + "\u001b[3~");
        assertThat(keys.line()).isEqualTo("ac");
        assertThat(keys.cursor()).isEqualTo(1);
    }

    @Test
    void ctrlUDeletesFromTheStartToTheCursor() {
        keys.type("abc def" + LEFT + LEFT + LEFT + "\u0015");
        assertThat(keys.line()).isEqualTo("def");
        assertThat(keys.cursor()).isZero();
    }

    @Test
    void ctrlKDeletesFromTheCursorToTheEnd() {
        keys.type("abc def" + LEFT + LEFT + LEFT + "\u000b");
        assertThat(keys.line()).isEqualTo("abc ");
    }

    @Test
    void ctrlWDeletesTheWordBeforeTheCursor() {
        keys.type("ping 10.0.0.1  \u0017");
        assertThat(keys.line()).isEqualTo("ping ");
    }

    @Test
    void ctrlLeftAndRightMoveByWords() {
        keys.type("nc srv 8888\u001b[1;5D");
        assertThat(keys.cursor()).isEqualTo(7);
        keys.type("\u001b[1;5D\u001b[1;5D\u001b[1;5C");
        assertThat(keys.cursor()).isEqualTo(2);
    }

    @Test
    void upAndDownBrowseTheHistoryAndDownPastTheNewestGivesBackTheLineBeingTyped() {
        keys.remember("ls");
        keys.remember("pwd");
        keys.type("ec");

        keys.type(UP);
        assertThat(keys.line()).isEqualTo("pwd");
        assertThat(keys.cursor()).isEqualTo(3);
        keys.type(UP + UP);
        assertThat(keys.line()).isEqualTo("ls");
        keys.type(DOWN);
        assertThat(keys.line()).isEqualTo("pwd");
        keys.type(DOWN);
        assertThat(keys.line()).isEqualTo("ec");
        keys.type(DOWN);
        assertThat(keys.line()).isEqualTo("ec");
    }

    @Test
    void aLineSubmittedAfterBrowsingStartsTheNextBrowseAtTheNewest() {
        keys.remember("ls");
        keys.remember("pwd");
        keys.type(UP + UP + "\r");
        keys.remember("ls");
        keys.type(UP);
        assertThat(keys.line()).isEqualTo("ls");
    }

    @Test
    void theHistoryKeepsNoBlankLineNorTheNewestTwice() {
        keys.remember("ls");
        keys.remember("ls");
        keys.remember("   ");
        keys.remember("pwd");
        assertThat(keys.history()).containsExactly("ls", "pwd");
    }

    @Test
    void theHistoryForgetsItsOldestLinesPastItsLength() {
        for (int i = 0; i <= LineDiscipline.HISTORY; i++) keys.remember("echo " + i);
        assertThat(keys.history()).hasSize(LineDiscipline.HISTORY).first().isEqualTo("echo 1");
    }

    @Test
    void ctrlCDropsTheLineAndTellsWhatWasTyped() {
        assertThat(keys.type("abc" + LEFT + "\u0003")).containsExactly(new Interrupt("abc", 2));
        assertThat(keys.line()).isEmpty();
    }

    @Test
    void ctrlDOnAnEmptyLineIsTheEndOfInput() {
        assertThat(keys.type("\u0004")).containsExactly(new EndOfInput());
    }

    @Test
    void ctrlDOnALineDeletesTheCharacterUnderTheCursor() {
        assertThat(keys.type("abc" + LEFT + "\u0004")).isEmpty();
        assertThat(keys.line()).isEqualTo("ab");
    }

    @Test
    void ctrlLAsksForAClearScreenAndKeepsTheLine() {
        assertThat(keys.type("ls\u000c")).containsExactly(new ClearScreen());
        assertThat(keys.line()).isEqualTo("ls");
    }

    @Test
    void anEscapeSequenceSplitBetweenTwoMessagesIsOneKey() {
        keys.type("ab\u001b");
        keys.type("[");
        assertThat(keys.line()).isEqualTo("ab");
        keys.type("Dx");
        assertThat(keys.line()).isEqualTo("axb");
    }

    @Test
    void otherKeysControlsAndSequencesAreIgnored() {
        keys.type("a\t\u001bOP\u001b[15~\u001bx\u0007b");
        assertThat(keys.line()).isEqualTo("ab");
    }

    @Test
    void aBracketedPasteIsItsText() {
        assertThat(keys.type("\u001b[200~echo hi\u001b[201~\r")).containsExactly(new Submit("echo hi"));
    }

    @Test
    void positionsCountCodePointsNotChars() {
        keys.type("a😀b" + LEFT + "\u007f");
        assertThat(keys.line()).isEqualTo("ab");
        assertThat(keys.cursor()).isEqualTo(1);
    }

    @Test
    void theLineStopsGrowingAtItsLimit() {
        keys.type("x".repeat(LineDiscipline.MAX_LINE + 10));
        assertThat(keys.line()).hasSize(LineDiscipline.MAX_LINE);
    }

    @Test
    void aLineGivenBackIsEditedFromItsEnd() {
        keys.restore("ping pc2");
        keys.type("\u007f3");
        assertThat(keys.line()).isEqualTo("ping pc3");
    }
}
