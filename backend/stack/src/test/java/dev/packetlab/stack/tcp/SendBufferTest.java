package dev.packetlab.stack.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SendBufferTest {
    private static byte[] ascii(String s) { return s.getBytes(US_ASCII); }

    /** {@code n} bytes counting up from {@code first} (mod 256), so a misplaced byte shows. */
    private static byte[] counting(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (first + i);
        return b;
    }

    private static int write(SendBuffer buffer, byte[] b) { return buffer.write(b, 0, b.length); }

    private static byte[] copy(SendBuffer buffer, int offset, int len) {
        byte[] dst = new byte[len];
        buffer.copy(offset, dst, 0, len);
        return dst;
    }

    @Test
    void aNewBufferIsEmptyAndAllocatesNothing() {
        SendBuffer buffer = new SendBuffer(65_536);
        assertThat(buffer.capacity()).isEqualTo(65_536);
        assertThat(buffer.size()).isZero();
        assertThat(buffer.free()).isEqualTo(65_536);
        assertThat(buffer.allocated()).isZero();
    }

    @Test
    void aWriteTakesOnlyWhatFitsAndSaysHowMuch() {
        SendBuffer buffer = new SendBuffer(10);
        assertThat(buffer.write(ascii("0123456789abcdef"), 2, 14)).isEqualTo(10);
        assertThat(buffer.size()).isEqualTo(10);
        assertThat(buffer.free()).isZero();
        assertThat(copy(buffer, 0, 10)).isEqualTo(ascii("23456789ab"));
        assertThat(write(buffer, ascii("x"))).isZero();
        assertThat(buffer.size()).isEqualTo(10);
    }

    @Test
    void copyReadsAnyHeldRangeCountedFromSndUnaAndLeavesItHeld() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("hello "));
        write(buffer, ascii("world"));
        byte[] dst = ascii("[.....]");
        buffer.copy(6, dst, 1, 5);
        assertThat(dst).isEqualTo(ascii("[world]"));
        assertThat(copy(buffer, 0, 11)).isEqualTo(ascii("hello world"));
        assertThat(buffer.size()).isEqualTo(11);
    }

    @Test
    void acknowledgeDropsTheOldestBytesSoOffsetZeroIsTheNewSndUna() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("hello world"));
        buffer.acknowledge(6);
        assertThat(buffer.size()).isEqualTo(5);
        assertThat(buffer.free()).isEqualTo(95);
        assertThat(copy(buffer, 0, 5)).isEqualTo(ascii("world"));
    }

    @Test
    void acknowledgingNothingChangesNothing() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("abc"));
        buffer.acknowledge(0);
        assertThat(copy(buffer, 0, 3)).isEqualTo(ascii("abc"));
    }

    @Test
    void bytesThatWrapAroundTheEndOfTheRingReadBackInOrder() {
        SendBuffer buffer = new SendBuffer(SendBuffer.MIN_ALLOCATION);
        write(buffer, counting(0, 1500));
        buffer.acknowledge(1000);
        write(buffer, counting(1500, 1000)); // 548 bytes at the end of the array, 452 at its start
        assertThat(buffer.allocated()).isEqualTo(2048);
        assertThat(buffer.size()).isEqualTo(1500);
        assertThat(copy(buffer, 0, 1500)).isEqualTo(counting(1000, 1500));
        assertThat(copy(buffer, 1040, 20)).isEqualTo(counting(2040, 20)); // straddles the wrap
    }

    @Test
    void theFirstWriteAllocatesTwoKibibytes() {
        SendBuffer buffer = new SendBuffer(65_536);
        write(buffer, ascii("x"));
        assertThat(buffer.allocated()).isEqualTo(2048);
    }

    @Test
    void aLargeFirstWriteAllocatesThePowerOfTwoThatHoldsIt() {
        SendBuffer buffer = new SendBuffer(65_536);
        write(buffer, new byte[5000]);
        assertThat(buffer.allocated()).isEqualTo(8192);
    }

    @Test
    void aBufferSmallerThanTheFirstAllocationAllocatesOnlyItsCapacity() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("x"));
        assertThat(buffer.allocated()).isEqualTo(100);
    }

    @Test
    void storageDoublesAsBytesArriveButNeverBeyondTheCapacity() {
        SendBuffer buffer = new SendBuffer(10_000);
        write(buffer, new byte[2048]);
        assertThat(buffer.allocated()).isEqualTo(2048);
        write(buffer, new byte[1]);
        assertThat(buffer.allocated()).isEqualTo(4096);
        write(buffer, new byte[4096]);
        assertThat(buffer.allocated()).isEqualTo(8192);
        write(buffer, new byte[5000]);
        assertThat(buffer.allocated()).isEqualTo(10_000);
        assertThat(buffer.size()).isEqualTo(10_000);
    }

    @Test
    void growingWhileWrappedKeepsTheBytesInOrder() {
        SendBuffer buffer = new SendBuffer(65_536);
        write(buffer, counting(0, 2000));
        buffer.acknowledge(1500);
        write(buffer, counting(2000, 1000)); // wraps inside the 2048-byte array
        write(buffer, counting(3000, 3000)); // grows to 8192
        assertThat(buffer.allocated()).isEqualTo(8192);
        assertThat(copy(buffer, 0, 4500)).isEqualTo(counting(1500, 4500));
    }

    @Test
    void storageIsReleasedWhenEverythingIsAcknowledgedAndAllocatedAgainOnTheNextWrite() {
        SendBuffer buffer = new SendBuffer(65_536);
        write(buffer, new byte[30_000]);
        buffer.acknowledge(29_999);
        assertThat(buffer.allocated()).isEqualTo(32_768);
        buffer.acknowledge(1);
        assertThat(buffer.allocated()).isZero();
        write(buffer, ascii("again"));
        assertThat(buffer.allocated()).isEqualTo(2048);
        assertThat(copy(buffer, 0, 5)).isEqualTo(ascii("again"));
    }

    @Test
    void copyOfARangeOutsideTheHeldBytesThrows() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("hello world"));
        byte[] dst = new byte[20];
        assertThatThrownBy(() -> buffer.copy(6, dst, 0, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.copy(-1, dst, 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.copy(11, dst, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.copy(0, dst, 15, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyFromAnEmptyBufferThrows() {
        SendBuffer buffer = new SendBuffer(100);
        assertThatThrownBy(() -> buffer.copy(0, new byte[1], 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void acknowledgingMoreThanIsHeldThrowsAndKeepsTheBytes() {
        SendBuffer buffer = new SendBuffer(100);
        write(buffer, ascii("abc"));
        assertThatThrownBy(() -> buffer.acknowledge(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot acknowledge 4 of the 3 bytes held");
        assertThatThrownBy(() -> buffer.acknowledge(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(copy(buffer, 0, 3)).isEqualTo(ascii("abc"));
    }

    @Test
    void aWriteFromOutsideTheSourceArrayThrows() {
        SendBuffer buffer = new SendBuffer(100);
        assertThatThrownBy(() -> buffer.write(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new SendBuffer(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("send buffer capacity -1 is negative");
        assertThatThrownBy(() -> new SendBuffer(10).setCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void raisingTheCapacityLetsMoreBeWritten() {
        SendBuffer buffer = new SendBuffer(4);
        write(buffer, ascii("abcd"));
        buffer.setCapacity(8);
        assertThat(buffer.free()).isEqualTo(4);
        assertThat(write(buffer, ascii("efghij"))).isEqualTo(4);
        assertThat(copy(buffer, 0, 8)).isEqualTo(ascii("abcdefgh"));
    }

    @Test
    void loweringTheCapacityBelowTheBytesHeldKeepsThemAndTakesNoMoreUntilTheyAreAcknowledged() {
        SendBuffer buffer = new SendBuffer(2000);
        write(buffer, counting(0, 1000));
        buffer.setCapacity(500);
        assertThat(buffer.capacity()).isEqualTo(1000);
        assertThat(buffer.free()).isZero();
        assertThat(copy(buffer, 0, 1000)).isEqualTo(counting(0, 1000));
        buffer.acknowledge(600);
        assertThat(buffer.capacity()).isEqualTo(500);
        assertThat(buffer.free()).isEqualTo(100);
        assertThat(write(buffer, new byte[300])).isEqualTo(100);
    }

    @Test
    void loweringTheCapacityShrinksStorageLargerThanItAndKeepsTheBytes() {
        SendBuffer buffer = new SendBuffer(65_536);
        write(buffer, counting(0, 5000));
        buffer.acknowledge(1000);
        assertThat(buffer.allocated()).isEqualTo(8192);
        buffer.setCapacity(6000);
        assertThat(buffer.allocated()).isEqualTo(6000);
        assertThat(copy(buffer, 0, 4000)).isEqualTo(counting(1000, 4000));
        assertThat(write(buffer, counting(5000, 3000))).isEqualTo(2000);
        assertThat(copy(buffer, 0, 6000)).isEqualTo(counting(1000, 6000));
    }

    @Test
    void behavesAsAQueueOfBytesUnderAnyMixOfWritesCopiesAndAcknowledgements() {
        Random random = new Random(42);
        SendBuffer buffer = new SendBuffer(10_000);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        int acknowledged = 0;
        for (int step = 0; step < 5_000; step++) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] b = new byte[random.nextInt(3000)];
                    random.nextBytes(b);
                    int taken = write(buffer, b);
                    assertThat(taken).isEqualTo(Math.min(b.length, 10_000 - (written.size() - acknowledged)));
                    written.write(b, 0, taken);
                }
                case 1 -> {
                    int n = random.nextInt(buffer.size() + 1);
                    buffer.acknowledge(n);
                    acknowledged += n;
                }
                default -> {
                    if (buffer.size() == 0) continue;
                    int offset = random.nextInt(buffer.size());
                    int len = random.nextInt(buffer.size() - offset + 1);
                    byte[] all = written.toByteArray();
                    assertThat(copy(buffer, offset, len))
                            .isEqualTo(Arrays.copyOfRange(all, acknowledged + offset, acknowledged + offset + len));
                }
            }
            assertThat(buffer.size()).isEqualTo(written.size() - acknowledged);
            assertThat(buffer.allocated()).isBetween(buffer.size(), 10_000);
        }
    }
}
