package dev.packetlab.stack.tcp;

import dev.packetlab.stack.wire.TcpOptions;
import java.util.List;

/**
 * The sender's SACK scoreboard (RFC 6675 2, 4): which bytes above HighACK (SND.UNA) the receiver has reported holding
 * in SACK blocks (RFC 2018), and the three routines of RFC 6675 4 that loss recovery reads from it: {@code IsLost},
 * {@code SetPipe} and {@code NextSeg}. The connection owns HighACK, HighData (SND.MAX) and HighRxt and passes them in.
 *
 * <p>Blocks are kept merged and sorted, as absolute sequence numbers compared modulo 2^32 ({@link Seq}); every one
 * lies within (HighACK, HighData]. A bulk transfer with a few losses per window holds a handful of blocks, so the
 * routines walk the list.
 */
final class SackScoreboard {
    /** RFC 6675 2: DupThresh, the number of duplicate ACKs (or of SACKed segments above a hole) that means loss. */
    static final int DUP_THRESH = 3;

    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int count;
    /** The bytes the blocks cover. */
    private long sacked;

    /** Bytes SACKed above HighACK. */
    long sackedBytes() { return sacked; }

    /** Distinct SACKed blocks above HighACK. */
    int blocks() { return count; }

    /** The blocks as "start-end" offsets from {@code highAck}, for tests and {@code ss}. */
    String describe(long highAck) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) b.append(' ');
            b.append(Seq.diff(starts[i], highAck)).append('-').append(Seq.diff(ends[i], highAck));
        }
        return b.toString();
    }

    /**
     * RFC 6675 4 {@code Update()}: forgets what {@code highAck} now covers cumulatively, then records each block of
     * the ACK, clipped to (highAck, highData] (a block below the ACK, a D-SACK of RFC 2883, tells the sender nothing
     * new about holes; a block beyond what was sent is bogus, RFC 2018 5).
     *
     * @return the bytes this ACK SACKed for the first time: the "change in SACKd" of RFC 6937 3 and what makes the
     *         ACK a DupAck in RFC 6675 2's sense
     */
    long update(List<TcpOptions.SackBlock> received, long highAck, long highData) {
        advance(highAck);
        long before = sacked;
        for (TcpOptions.SackBlock block : received) {
            if (!Seq.lt(block.left(), block.right()) || Seq.gt(block.right(), highData)) continue;
            long left = Seq.max(block.left(), highAck);
            if (Seq.lt(left, block.right())) add(left, block.right());
        }
        return sacked - before;
    }

    /** HighACK moved to {@code highAck}: the blocks at or below it are covered by the cumulative ACK. */
    void advance(long highAck) {
        int drop = 0;
        while (drop < count && Seq.le(ends[drop], highAck)) {
            sacked -= Seq.diff(ends[drop], starts[drop]);
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(starts, drop, starts, 0, count - drop);
            System.arraycopy(ends, drop, ends, 0, count - drop);
            count -= drop;
        }
        if (count > 0 && Seq.lt(starts[0], highAck)) {
            sacked -= Seq.diff(highAck, starts[0]);
            starts[0] = highAck;
        }
    }

    /**
     * Forgets every block: after a retransmission timeout the receiver may have reneged, so the sender "SHOULD expunge
     * the SACK information" (RFC 2018 8, kept by RFC 6675 5.1).
     */
    void clear() {
        count = 0;
        sacked = 0;
    }

    /** The end of the SACKed block that holds {@code seq}, or {@code seq} when no block holds it. */
    long sackedUntil(long seq) {
        for (int i = 0; i < count; i++) {
            if (Seq.inRange(starts[i], seq, ends[i])) return ends[i];
        }
        return seq;
    }

    /**
     * RFC 6675 4 {@code IsLost(SeqNum)}: true when DupThresh discontiguous SACKed blocks lie above {@code seq}, or
     * more than (DupThresh − 1)·SMSS SACKed bytes. For a byte that is itself SACKed the answer is meaningless.
     */
    boolean isLost(long seq, int mss) {
        long above = 0;
        int blocksAbove = 0;
        for (int i = count - 1; i >= 0 && Seq.gt(starts[i], seq); i--) {
            above += Seq.diff(ends[i], starts[i]);
            blocksAbove++;
        }
        return blocksAbove >= DUP_THRESH || above > (long) (DUP_THRESH - 1) * mss;
    }

    /**
     * Where IsLost stops holding: every byte not SACKed below the returned sequence number is lost, none above it is.
     * IsLost is the same for every byte of one hole and never false below a byte where it is true, so the boundary is
     * the start of the highest block under which the hole counts as lost; {@code highAck} when nothing is lost.
     */
    long lostBoundary(long highAck, int mss) {
        long above = 0;
        for (int i = count - 1; i >= 0; i--) {
            above += Seq.diff(ends[i], starts[i]);
            if (count - i >= DUP_THRESH || above > (long) (DUP_THRESH - 1) * mss) return starts[i];
        }
        return highAck;
    }

    /** SACKed bytes in [highAck, limit). */
    private long sackedBelow(long limit) {
        long n = 0;
        for (int i = 0; i < count && Seq.lt(starts[i], limit); i++) {
            n += Seq.diff(Seq.lt(ends[i], limit) ? ends[i] : limit, starts[i]);
        }
        return n;
    }

    /**
     * RFC 6675 4 {@code SetPipe()}: the sender's estimate of the bytes still in the network. For every byte from
     * HighACK to HighData that is not SACKed: one if IsLost is false for it (it may still arrive), and one more if it
     * lies below HighRxt (it was retransmitted, and the retransmission is in flight).
     *
     * @param highRxt the end of the highest byte retransmitted in this recovery ({@code highAck} when none was)
     */
    long pipe(long highAck, long highData, long highRxt, int mss) {
        long unsacked = Seq.diff(highData, highAck) - sacked;
        long boundary = lostBoundary(highAck, mss);
        long lost = Seq.diff(boundary, highAck) - sackedBelow(boundary);
        long retransmitted = Seq.gt(highRxt, highAck) ? Seq.diff(highRxt, highAck) - sackedBelow(highRxt) : 0;
        return unsacked - lost + retransmitted;
    }

    /**
     * RFC 6675 4 {@code NextSeg()} rule (1): the first byte at or above {@code highRxt} that is not SACKed and is
     * lost, as a segment of at most {@code mss} bytes that ends at the hole's end; null when there is none.
     */
    long[] nextLost(long highAck, long highRxt, int mss) {
        return firstHole(highAck, Seq.max(highRxt, highAck), lostBoundary(highAck, mss), mss);
    }

    /**
     * {@code NextSeg()} rule (3): the first byte at or above {@code highRxt} that is not SACKed and lies below the
     * highest SACKed byte, lost or not; null when there is none.
     */
    long[] nextUnsacked(long highAck, long highRxt, int mss) {
        if (count == 0) return null;
        return firstHole(highAck, Seq.max(highRxt, highAck), ends[count - 1], mss);
    }

    /** The first not-SACKed segment [from, …) below {@code limit}, as {start, length}, cut at the hole's end. */
    private long[] firstHole(long highAck, long from, long limit, int mss) {
        long holeStart = highAck;
        for (int i = 0; i <= count; i++) {
            long holeEnd = i < count ? starts[i] : limit;
            if (Seq.gt(holeEnd, limit)) holeEnd = limit;
            long s = Seq.max(holeStart, from);
            if (Seq.lt(s, holeEnd)) return new long[] {s, Math.min(mss, Seq.diff(holeEnd, s))};
            if (i < count) holeStart = ends[i];
            if (Seq.ge(holeStart, limit)) break;
        }
        return null;
    }

    /** Adds [left, right), merging it with every block it touches or overlaps. */
    private void add(long left, long right) {
        int first = 0;
        while (first < count && Seq.lt(ends[first], left)) first++;
        int last = first - 1;
        while (last + 1 < count && Seq.le(starts[last + 1], right)) last++;
        if (last < first) {
            // no overlap: insert at first
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            System.arraycopy(starts, first, starts, first + 1, count - first);
            System.arraycopy(ends, first, ends, first + 1, count - first);
            starts[first] = left;
            ends[first] = right;
            count++;
            sacked += Seq.diff(right, left);
            return;
        }
        long newStart = Seq.lt(starts[first], left) ? starts[first] : left;
        long newEnd = Seq.gt(ends[last], right) ? ends[last] : right;
        for (int i = first; i <= last; i++) sacked -= Seq.diff(ends[i], starts[i]);
        sacked += Seq.diff(newEnd, newStart);
        starts[first] = newStart;
        ends[first] = newEnd;
        int removed = last - first;
        if (removed > 0) {
            System.arraycopy(starts, last + 1, starts, first + 1, count - last - 1);
            System.arraycopy(ends, last + 1, ends, first + 1, count - last - 1);
            count -= removed;
        }
    }
}
