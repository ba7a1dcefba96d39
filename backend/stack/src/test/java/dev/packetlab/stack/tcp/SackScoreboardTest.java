package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.wire.TcpOptions.SackBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scoreboard's routines (RFC 6675 4) on byte-exact cases. HighACK is 1000 (near the wrap, so the arithmetic is
 * modulo 2^32 for real: HighACK is 2^32 − 1000); MSS 100; HighData 2000 bytes above HighACK.
 */
class SackScoreboardTest {
    private static final int MSS = 100;
    private static final long UNA = Seq.add(0, -1000);
    private static final long MAX = Seq.add(UNA, 2000);

    private static long at(long offset) { return Seq.add(UNA, offset); }

    private static SackBlock block(long from, long to) { return new SackBlock(at(from), at(to)); }

    @Test
    void updateMergesTouchingBlocksAndReturnsOnlyTheNewlySackedBytes() {
        SackScoreboard s = new SackScoreboard();
        assertThat(s.update(List.of(block(200, 300)), UNA, MAX)).isEqualTo(100);
        assertThat(s.update(List.of(block(300, 400), block(200, 300)), UNA, MAX)).isEqualTo(100);
        assertThat(s.update(List.of(block(600, 700)), UNA, MAX)).isEqualTo(100);
        assertThat(s.describe(UNA)).isEqualTo("200-400 600-700");
        assertThat(s.sackedBytes()).isEqualTo(300);
        assertThat(s.blocks()).isEqualTo(2);
    }

    @Test
    void blocksBelowTheAckAreClippedAndBlocksBeyondWhatWasSentIgnored() {
        SackScoreboard s = new SackScoreboard();
        // a D-SACK below HighACK (RFC 2883), one straddling it, and one past HighData (bogus, RFC 2018 5)
        long added = s.update(List.of(block(-300, -200), block(-50, 100), block(1900, 2100)), UNA, MAX);
        assertThat(added).isEqualTo(100);
        assertThat(s.describe(UNA)).isEqualTo("0-100");
    }

    @Test
    void aCumulativeAckDropsTheBlocksItCoversAndCutsTheOneItEntersInto() {
        SackScoreboard s = new SackScoreboard();
        s.update(List.of(block(100, 200), block(300, 500)), UNA, MAX);
        s.advance(at(400));
        assertThat(s.describe(at(400))).isEqualTo("0-100");
        assertThat(s.sackedBytes()).isEqualTo(100);
    }

    @Test
    void isLostNeedsMoreThanTwoSegmentsOrThreeBlocksSackedAbove() {
        SackScoreboard s = new SackScoreboard();
        s.update(List.of(block(100, 300)), UNA, MAX);
        assertThat(s.isLost(UNA, MSS)).isFalse(); // exactly 2·MSS above: not more than (DupThresh − 1)·MSS
        s.update(List.of(block(300, 301)), UNA, MAX);
        assertThat(s.isLost(UNA, MSS)).isTrue();

        SackScoreboard small = new SackScoreboard();
        small.update(List.of(block(100, 110), block(200, 210)), UNA, MAX);
        assertThat(small.isLost(UNA, MSS)).isFalse();
        small.update(List.of(block(300, 310)), UNA, MAX);
        assertThat(small.isLost(UNA, MSS)).isTrue(); // three discontiguous blocks, however small
    }

    @Test
    void pipeCountsWhatIsNotSackedLessWhatIsLostPlusWhatWasRetransmitted() {
        SackScoreboard s = new SackScoreboard();
        // holes 0-100 and 400-500 under 300 and 500 SACKed bytes; 1000-2000 sent, nothing above it
        s.update(List.of(block(100, 400), block(500, 1000)), UNA, MAX);
        // not SACKed: 100 + 100 + 1000 = 1200; lost: both holes (500 bytes SACKed above 400-500) = 200
        assertThat(s.pipe(UNA, MAX, UNA, MSS)).isEqualTo(1000);
        // the first hole retransmitted: counted again (RFC 6675 4 SetPipe (b))
        assertThat(s.pipe(UNA, MAX, at(100), MSS)).isEqualTo(1100);
    }

    @Test
    void nextSegTakesTheLostHolesFromHighRxtOnThenAnyHoleBelowTheHighestSack() {
        SackScoreboard s = new SackScoreboard();
        s.update(List.of(block(150, 400), block(500, 550), block(900, 960)), UNA, MAX);
        // 0-150 is lost (360 bytes SACKed above it); 400-500 is not (110 bytes in two blocks above it), nor 550-900;
        // the lost hole is cut into segments of at most MSS
        assertThat(s.nextLost(UNA, UNA, MSS)).containsExactly(at(0), 100);
        assertThat(s.nextLost(UNA, at(100), MSS)).containsExactly(at(100), 50);
        assertThat(s.nextLost(UNA, at(150), MSS)).isNull();
        // rule (3): holes not yet deemed lost, below the highest SACKed byte (960)
        assertThat(s.nextUnsacked(UNA, at(150), MSS)).containsExactly(at(400), 100);
        assertThat(s.nextUnsacked(UNA, at(550), MSS)).containsExactly(at(550), 100);
        assertThat(s.nextUnsacked(UNA, at(850), MSS)).containsExactly(at(850), 50);
        assertThat(s.nextUnsacked(UNA, at(960), MSS)).isNull();
    }

    @Test
    void sackedUntilSaysWhereTheBlockHoldingASequenceNumberEnds() {
        SackScoreboard s = new SackScoreboard();
        s.update(List.of(block(100, 300)), UNA, MAX);
        assertThat(s.sackedUntil(at(150))).isEqualTo(at(300));
        assertThat(s.sackedUntil(at(300))).isEqualTo(at(300)); // not SACKed: itself
        s.clear();
        assertThat(s.sackedUntil(at(150))).isEqualTo(at(150));
        assertThat(s.sackedBytes()).isZero();
    }
}
