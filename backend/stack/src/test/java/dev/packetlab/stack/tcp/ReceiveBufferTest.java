package dev.packetlab.stack.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiveBufferTest {
    private static final int MSS = 1460;

    private static byte[] ascii(String s) { return s.getBytes(US_ASCII); }

    /** {@code n} bytes counting up from {@code first} (mod 256), so a misplaced byte shows. */
    private static byte[] counting(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (first + i);
        return b;
    }

    private static int insert(ReceiveBuffer buffer, int offset, String data) {
        return insert(buffer, offset, ascii(data));
    }

    private static int insert(ReceiveBuffer buffer, int offset, byte[] data) {
        return buffer.insert(offset, data, 0, data.length);
    }

    private static String readAll(ReceiveBuffer buffer) { return new String(buffer.read(Integer.MAX_VALUE), US_ASCII); }

    private static List<List<Integer>> ranges(ReceiveBuffer buffer) {
        List<List<Integer>> ranges = new ArrayList<>();
        for (int[] r : buffer.outOfOrderRanges()) ranges.add(List.of(r[0], r[1]));
        return ranges;
    }

    @Test
    void aNewBufferHasNothingToReadOffersItsWholeCapacityAndAllocatesNothing() {
        ReceiveBuffer buffer = new ReceiveBuffer(65_536);
        assertThat(buffer.capacity()).isEqualTo(65_536);
        assertThat(buffer.readable()).isZero();
        assertThat(buffer.window()).isEqualTo(65_536);
        assertThat(buffer.outOfOrderBytes()).isZero();
        assertThat(buffer.outOfOrderRanges()).isEmpty();
        assertThat(buffer.read(100)).isEmpty();
        assertThat(buffer.allocated()).isZero();
    }

    @Test
    void inOrderDataBecomesReadableAndAdvancesRcvNxtByItsLength() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThat(insert(buffer, 0, "hello")).isEqualTo(5);
        assertThat(insert(buffer, 0, " world")).isEqualTo(6);
        assertThat(buffer.readable()).isEqualTo(11);
        assertThat(buffer.window()).isEqualTo(89);
        assertThat(readAll(buffer)).isEqualTo("hello world");
    }

    @Test
    void insertTakesTheGivenSliceOfTheArray() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThat(buffer.insert(0, ascii("[abc]"), 1, 3)).isEqualTo(3);
        assertThat(readAll(buffer)).isEqualTo("abc");
    }

    @Test
    void readRemovesTheOldestBytesAndReopensTheWindow() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 0, "hello world");
        byte[] dst = ascii("[.....]");
        assertThat(buffer.read(dst, 1, 5)).isEqualTo(5);
        assertThat(dst).isEqualTo(ascii("[hello]"));
        assertThat(buffer.readable()).isEqualTo(6);
        assertThat(buffer.window()).isEqualTo(94);
        assertThat(readAll(buffer)).isEqualTo(" world");
        assertThat(buffer.window()).isEqualTo(100);
    }

    @Test
    void aReadAsksForMoreThanIsReadableAndGetsWhatThereIs() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 0, "abc");
        byte[] dst = new byte[10];
        assertThat(buffer.read(dst, 0, 10)).isEqualTo(3);
        assertThat(buffer.read(dst, 0, 10)).isZero();
    }

    @Test
    void dataBeyondAHoleIsHeldNotReadableAndLeavesTheWindowAlone() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThat(insert(buffer, 5, "world")).isZero();
        assertThat(buffer.readable()).isZero();
        assertThat(buffer.window()).isEqualTo(100);
        assertThat(buffer.outOfOrderBytes()).isEqualTo(5);
        assertThat(ranges(buffer)).containsExactly(List.of(5, 10));
    }

    @Test
    void fillingTheHoleMakesTheHeldDataReadableAndReturnsTheWholeAdvance() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 5, "world");
        assertThat(insert(buffer, 0, "hello")).isEqualTo(10);
        assertThat(buffer.outOfOrderBytes()).isZero();
        assertThat(buffer.outOfOrderRanges()).isEmpty();
        assertThat(buffer.window()).isEqualTo(90);
        assertThat(readAll(buffer)).isEqualTo("helloworld");
    }

    @Test
    void heldOffsetsMoveCloserWhenRcvNxtAdvancesWithoutReachingThem() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 10, "x");
        assertThat(insert(buffer, 0, "abc")).isEqualTo(3);
        assertThat(ranges(buffer)).containsExactly(List.of(7, 8));
        assertThat(insert(buffer, 0, "defghij")).isEqualTo(8);
        assertThat(readAll(buffer)).isEqualTo("abcdefghijx");
    }

    @Test
    void blocksWithGapsBetweenThemStaySeparateAndAscending() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 30, "ccccc");
        insert(buffer, 10, "aaaaa");
        insert(buffer, 20, "bbbbb");
        assertThat(ranges(buffer)).containsExactly(List.of(10, 15), List.of(20, 25), List.of(30, 35));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(15);
    }

    @Test
    void blocksThatTouchMergeIntoOne() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 10, "bbbbb");
        insert(buffer, 15, "ccccc");
        assertThat(ranges(buffer)).containsExactly(List.of(10, 20));
        insert(buffer, 5, "aaaaa");
        assertThat(ranges(buffer)).containsExactly(List.of(5, 20));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(15);
        assertThat(insert(buffer, 0, "_____")).isEqualTo(20);
        assertThat(readAll(buffer)).isEqualTo("_____aaaaabbbbbccccc");
    }

    @Test
    void dataBridgingSeveralBlocksMergesThemIntoOne() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 10, "AAAAA");
        insert(buffer, 20, "BBBBB");
        insert(buffer, 30, "CCCCC");
        insert(buffer, 12, "..........................."); // [12, 39)
        assertThat(ranges(buffer)).containsExactly(List.of(10, 39));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(29);
        insert(buffer, 0, "0123456789");
        assertThat(readAll(buffer)).isEqualTo("0123456789AAAAA.....BBBBB.....CCCCC....");
    }

    @Test
    void overlappingDataKeepsTheBytesHeldFirstAndFillsOnlyTheGaps() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 5, "world");
        insert(buffer, 3, "__WORLD__");
        assertThat(ranges(buffer)).containsExactly(List.of(3, 12));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(9);
        insert(buffer, 0, "abc");
        assertThat(readAll(buffer)).isEqualTo("abc__world__");
    }

    @Test
    void aDuplicateOfHeldDataChangesNothing() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThat(insert(buffer, 5, "world")).isZero();
        assertThat(insert(buffer, 5, "world")).isZero();
        assertThat(insert(buffer, 6, "orl")).isZero();
        assertThat(ranges(buffer)).containsExactly(List.of(5, 10));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(5);
    }

    @Test
    void inOrderDataOverlappingAHeldBlockAdvancesToTheBlocksEnd() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 5, "56789");
        assertThat(insert(buffer, 0, "0123456")).isEqualTo(10);
        assertThat(buffer.outOfOrderRanges()).isEmpty();
        assertThat(readAll(buffer)).isEqualTo("0123456789");
    }

    @Test
    void inOrderDataCoveringHeldBlocksDeliversEachByteOnceAndShiftsTheRest() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 3, "xx");
        insert(buffer, 7, "yy");
        insert(buffer, 12, "zz");
        assertThat(insert(buffer, 0, "0123456789")).isEqualTo(10);
        assertThat(ranges(buffer)).containsExactly(List.of(2, 4));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(2);
        assertThat(readAll(buffer)).isEqualTo("0123456789");
        assertThat(insert(buffer, 0, "ab")).isEqualTo(4);
        assertThat(readAll(buffer)).isEqualTo("abzz");
    }

    @Test
    void inOrderDataBeyondTheWindowIsCutOff() {
        ReceiveBuffer buffer = new ReceiveBuffer(10);
        assertThat(insert(buffer, 0, "0123456789abcde")).isEqualTo(10);
        assertThat(buffer.window()).isZero();
        assertThat(insert(buffer, 0, "f")).isZero();
        assertThat(readAll(buffer)).isEqualTo("0123456789");
    }

    @Test
    void outOfOrderDataIsCutAtTheWindowsRightEdge() {
        ReceiveBuffer buffer = new ReceiveBuffer(10);
        assertThat(insert(buffer, 8, "89abc")).isZero();
        assertThat(ranges(buffer)).containsExactly(List.of(8, 10));
        assertThat(buffer.outOfOrderBytes()).isEqualTo(2);
    }

    @Test
    void dataStartingAtTheWindowsRightEdgeIsNotStored() {
        ReceiveBuffer buffer = new ReceiveBuffer(10);
        assertThat(insert(buffer, 10, "x")).isZero();
        assertThat(insert(buffer, 1_000_000, "x")).isZero();
        assertThat(buffer.outOfOrderRanges()).isEmpty();
        assertThat(buffer.allocated()).isZero();
    }

    @Test
    void theWindowIsWhatUnreadDataLeavesAndItBoundsHeldData() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 0, counting(0, 60));
        assertThat(buffer.window()).isEqualTo(40);
        assertThat(insert(buffer, 30, counting(90, 20))).isZero();
        assertThat(ranges(buffer)).containsExactly(List.of(30, 40));
        assertThat(buffer.window()).isEqualTo(40);
    }

    @Test
    void emptyDataChangesNothing() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThat(buffer.insert(0, new byte[0], 0, 0)).isZero();
        assertThat(buffer.insert(5, new byte[0], 0, 0)).isZero();
        assertThat(buffer.readable()).isZero();
        assertThat(buffer.outOfOrderRanges()).isEmpty();
    }

    @Test
    void dataBeforeRcvNxtIsRefused() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThatThrownBy(() -> insert(buffer, -1, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data at offset -1 lies before RCV.NXT");
    }

    @Test
    void aSliceOutsideTheArrayIsRefused() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        assertThatThrownBy(() -> buffer.insert(0, new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.read(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.read(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new ReceiveBuffer(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receive buffer capacity -1 is negative");
        assertThatThrownBy(() -> new ReceiveBuffer(10).setCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storageIsAllocatedOnDemandAndReleasedWhenEverythingIsRead() {
        ReceiveBuffer buffer = new ReceiveBuffer(65_536);
        insert(buffer, 0, counting(0, MSS));
        assertThat(buffer.allocated()).isEqualTo(2048);
        buffer.read(MSS - 1);
        assertThat(buffer.allocated()).isEqualTo(2048);
        buffer.read(1);
        assertThat(buffer.allocated()).isZero();
    }

    @Test
    void heldBlocksAreReleasedOnceTheyBecomeReadable() {
        ReceiveBuffer buffer = new ReceiveBuffer(65_536);
        insert(buffer, MSS, counting(MSS, MSS));
        assertThat(buffer.allocated()).isEqualTo(MSS);
        insert(buffer, 0, counting(0, MSS));
        assertThat(buffer.allocated()).isEqualTo(4096);
        buffer.read(2 * MSS);
        assertThat(buffer.allocated()).isZero();
    }

    @Test
    void aRunOfSegmentsBehindOneHoleGrowsOneBlockByDoubling() {
        ReceiveBuffer buffer = new ReceiveBuffer(65_536);
        for (int i = 1; i <= 10; i++) insert(buffer, i * MSS, counting(i * MSS, MSS));
        assertThat(ranges(buffer)).containsExactly(List.of(MSS, 11 * MSS));
        // one array: 1460, then 2920, 5840, 11680, 23360 as the block outgrows it
        assertThat(buffer.allocated()).isEqualTo(23_360);
        assertThat(insert(buffer, 0, counting(0, MSS))).isEqualTo(11 * MSS);
        assertThat(buffer.read(11 * MSS)).isEqualTo(counting(0, 11 * MSS));
    }

    @Test
    void raisingTheCapacityOpensTheWindow() {
        ReceiveBuffer buffer = new ReceiveBuffer(10);
        insert(buffer, 0, "0123456789");
        buffer.setCapacity(20);
        assertThat(buffer.window()).isEqualTo(10);
        assertThat(insert(buffer, 0, "abcdefghijklm")).isEqualTo(10);
        assertThat(readAll(buffer)).isEqualTo("0123456789abcdefghij");
    }

    @Test
    void loweringTheCapacityKeepsAcceptedDataInsideTheWindowUntilItIsRead() {
        ReceiveBuffer buffer = new ReceiveBuffer(100);
        insert(buffer, 0, counting(0, 20));
        insert(buffer, 50, counting(70, 10)); // held at [50, 60) beyond RCV.NXT
        buffer.setCapacity(40);
        assertThat(buffer.capacity()).isEqualTo(80);
        assertThat(buffer.window()).isEqualTo(60);
        buffer.read(20);
        assertThat(buffer.capacity()).isEqualTo(60);
        assertThat(insert(buffer, 0, counting(20, 50))).isEqualTo(60);
        assertThat(buffer.window()).isZero();
        assertThat(buffer.read(60)).isEqualTo(counting(20, 60));
        assertThat(buffer.capacity()).isEqualTo(40);
        assertThat(buffer.window()).isEqualTo(40);
    }

    /**
     * Segments of a stream arrive in any order, duplicated, overlapping, some beyond the window, while the
     * application reads at random: the application reads the stream exactly, RCV.NXT advances exactly as far as the
     * contiguous data reaches, and the held blocks are exactly the runs of bytes received beyond it.
     */
    @Test
    void anyArrivalOrderWithDuplicatesDeliversTheStreamExactlyOnceInOrder() {
        Random random = new Random(7);
        byte[] stream = new byte[200_000];
        random.nextBytes(stream);
        ReceiveBuffer buffer = new ReceiveBuffer(20_000);
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        BitSet received = new BitSet(); // absolute stream positions stored, in order or not
        int rcvNxt = 0;
        for (int step = 0; delivered.size() < stream.length; step++) {
            assertThat(step).as("stuck at RCV.NXT %d", rcvNxt).isLessThan(200_000);
            if (random.nextInt(4) == 0) {
                byte[] read = buffer.read(random.nextInt(8000));
                delivered.write(read, 0, read.length);
                continue;
            }
            int start = rcvNxt - 3000 + random.nextInt(buffer.window() + 6000);
            int end = Math.min(stream.length, start + 1 + random.nextInt(MSS));
            start = Math.max(start, rcvNxt); // the connection trims what lies before RCV.NXT
            if (start >= end) continue;
            int stored = Math.min(end, rcvNxt + buffer.window());
            if (start < stored) received.set(start, stored);
            int advanced = buffer.insert(start - rcvNxt, stream, start, end - start);
            assertThat(advanced).isEqualTo(received.nextClearBit(rcvNxt) - rcvNxt);
            rcvNxt += advanced;
            List<List<Integer>> runs = new ArrayList<>();
            for (int i = received.nextSetBit(rcvNxt); i >= 0; i = received.nextSetBit(i)) {
                int runEnd = received.nextClearBit(i);
                runs.add(List.of(i - rcvNxt, runEnd - rcvNxt));
                i = runEnd;
            }
            assertThat(ranges(buffer)).isEqualTo(runs);
            assertThat(buffer.outOfOrderBytes()).isEqualTo(received.get(rcvNxt, Integer.MAX_VALUE).cardinality());
            assertThat(buffer.readable()).isEqualTo(rcvNxt - delivered.size());
        }
        assertThat(delivered.toByteArray()).isEqualTo(stream);
        assertThat(buffer.allocated()).isZero();
    }
}
