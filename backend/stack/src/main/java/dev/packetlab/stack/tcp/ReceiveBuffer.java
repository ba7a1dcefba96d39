package dev.packetlab.stack.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Received data on its way to the application (RFC 9293 3.10.7.4, "process the segment text"): the in-order bytes
 * before RCV.NXT that the application has not read yet, and segments that arrived beyond a hole. RFC 9293 3.10.7.4
 * says segments beyond RCV.NXT "SHOULD be held for later processing"; here they are held and become readable as soon
 * as the hole before them fills (CONFORMANCE 21). Data that arrives twice or overlaps what is held changes nothing:
 * the bytes held first are kept.
 *
 * <p>Offsets given to {@link #insert} and returned by {@link #outOfOrderRanges} count from RCV.NXT, so the
 * connection translates sequence numbers once, and this buffer knows nothing of their wrap-around. The capacity is
 * SO_RCVBUF; RCV.WND is what is left of it once the unread bytes are counted ({@link #window}). Bytes held out of
 * order lie inside that window and do not shrink it.
 *
 * <p>Memory: the in-order bytes live in a ring that is allocated on demand and released when the application has
 * read everything (the same FIFO as {@link SendBuffer}); out-of-order data is a short list of blocks sorted by offset,
 * each one array, merged when new data touches or overlaps them.
 */
public final class ReceiveBuffer {
    /** One contiguous block held beyond RCV.NXT; {@code data} may have room to grow at its end. */
    private static final class Block {
        int start;
        byte[] data;
        int length;

        Block(int start, byte[] data, int length) {
            this.start = start;
            this.data = data;
            this.length = length;
        }

        int end() { return start + length; }
    }

    /** SO_RCVBUF as last set. */
    private int rcvbuf;
    /** The bytes before RCV.NXT not yet read: written at RCV.NXT, read from the oldest, like the send queue. */
    private final SendBuffer inOrder;
    /** Blocks beyond RCV.NXT, ascending, neither overlapping nor touching, each starting at offset ≥ 1; or null. */
    private List<Block> held;
    private int heldBytes;

    /** @throws IllegalArgumentException when {@code capacity} is negative */
    public ReceiveBuffer(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("receive buffer capacity " + capacity + " is negative");
        rcvbuf = capacity;
        inOrder = new SendBuffer(capacity);
    }

    /**
     * The most bytes this buffer holds: SO_RCVBUF, or more while data accepted before SO_RCVBUF was lowered is still
     * held (accepted data is never thrown away).
     */
    public int capacity() { return Math.max(rcvbuf, readable() + heldEnd()); }

    /**
     * Sets SO_RCVBUF. Data already accepted (readable or held out of order) is kept, so {@link #capacity()} stays at
     * least {@code readable()} plus the end of the last held block until the application has read enough.
     *
     * @throws IllegalArgumentException when {@code capacity} is negative
     */
    public void setCapacity(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("receive buffer capacity " + capacity + " is negative");
        rcvbuf = capacity;
        inOrder.setCapacity(capacity());
    }

    /** In-order bytes the application can read. */
    public int readable() { return inOrder.size(); }

    /**
     * RCV.WND: how many bytes from RCV.NXT on may still arrive (RFC 9293 3.8.6). Out-of-order bytes already held lie
     * inside it and do not shrink it.
     */
    public int window() { return capacity() - readable(); }

    /**
     * Takes {@code b[off, off+len)}, whose first byte is {@code offset} bytes beyond RCV.NXT. Bytes at or beyond
     * {@link #window()} are cut off and not stored (RFC 9293 3.10.7.4: a segment is trimmed to the window). Data at
     * offset 0 becomes readable, together with any held data it now reaches; data beyond offset 0 is held until the
     * hole before it fills.
     *
     * @return by how many bytes the in-order data grew, which is how far RCV.NXT advances: the data itself when
     *         {@code offset} was 0 plus the held data that became contiguous with it; 0 when the data was held out of
     *         order or lay beyond the window. After a return of {@code k > 0}, offsets count from the new RCV.NXT, so
     *         every held block has moved {@code k} closer.
     * @throws IllegalArgumentException when {@code offset} is negative (bytes before RCV.NXT are duplicates that the
     *         connection trims before calling)
     * @throws IndexOutOfBoundsException when the range lies outside {@code b}
     */
    public int insert(int offset, byte[] b, int off, int len) {
        if (offset < 0) throw new IllegalArgumentException("data at offset " + offset + " lies before RCV.NXT");
        Objects.checkFromIndexSize(off, len, b.length);
        int window = window();
        if (len == 0 || offset >= window) return 0;
        int end = (int) Math.min((long) offset + len, window);
        if (offset > 0) {
            hold(offset, b, off, end, window);
            return 0;
        }
        inOrder.setCapacity(capacity());
        inOrder.write(b, off, end);
        int advanced = end;
        while (held != null && !held.isEmpty() && held.getFirst().start <= advanced) {
            Block reached = held.removeFirst();
            heldBytes -= reached.length;
            if (reached.end() > advanced) {
                inOrder.write(reached.data, advanced - reached.start, reached.end() - advanced);
                advanced = reached.end();
            }
        }
        if (held != null) {
            if (held.isEmpty()) held = null;
            else for (Block block : held) block.start -= advanced;
        }
        return advanced;
    }

    /**
     * Removes up to {@code len} in-order bytes into {@code dst}: the application's read. The storage is released
     * once nothing is left to read.
     *
     * @return how many bytes were read, 0 when nothing is readable
     * @throws IndexOutOfBoundsException when the range lies outside {@code dst}
     */
    public int read(byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        int n = Math.min(len, readable());
        inOrder.copy(0, dst, off, n);
        inOrder.acknowledge(n);
        return n;
    }

    /** Removes and returns up to {@code max} in-order bytes (an empty array when nothing is readable). */
    public byte[] read(int max) {
        if (max < 0) throw new IllegalArgumentException("cannot read " + max + " bytes");
        byte[] b = new byte[Math.min(max, readable())];
        read(b, 0, b.length);
        return b;
    }

    /** Bytes held beyond a hole. */
    public int outOfOrderBytes() { return heldBytes; }

    /**
     * The held blocks as {@code [start, end)} offsets beyond RCV.NXT, ascending, with touching or overlapping arrivals
     * merged into one block: what SACK blocks (RFC 2018) and {@code ss -ti} report.
     */
    public List<int[]> outOfOrderRanges() {
        if (held == null) return List.of();
        List<int[]> ranges = new ArrayList<>(held.size());
        for (Block block : held) ranges.add(new int[] {block.start, block.end()});
        return ranges;
    }

    /** Bytes of storage currently allocated, for tests and memory accounting. */
    int allocated() {
        int n = inOrder.allocated();
        if (held != null) for (Block block : held) n += block.data.length;
        return n;
    }

    private int heldEnd() { return held == null ? 0 : held.getLast().end(); }

    /**
     * Holds {@code b[off, off + (end - start))} at {@code [start, end)}, merged with every held block it overlaps or
     * touches. Bytes already held are kept; the new data only fills the gaps between them.
     */
    private void hold(int start, byte[] b, int off, int end, int window) {
        if (held == null) held = new ArrayList<>(4);
        int first = 0;
        while (first < held.size() && held.get(first).end() < start) first++;
        int last = first - 1;
        while (last + 1 < held.size() && held.get(last + 1).start <= end) last++;
        if (last < first) {
            held.add(first, new Block(start, Arrays.copyOfRange(b, off, off + end - start), end - start));
            heldBytes += end - start;
            return;
        }
        Block base = held.get(first);
        int mergedStart = Math.min(start, base.start);
        int mergedEnd = Math.max(end, held.get(last).end());
        int mergedLength = mergedEnd - mergedStart;
        // The common case, segments arriving in order behind one hole, extends the block at its end: the block's
        // array doubles (within the window) so that a run of n segments costs O(n) copying, not O(n²).
        boolean extendBase = base.start == mergedStart;
        byte[] merged;
        if (!extendBase) {
            merged = new byte[mergedLength];
        } else if (base.data.length >= mergedLength) {
            merged = base.data;
        } else {
            int doubled = Math.min(2 * base.data.length, window - mergedStart);
            merged = Arrays.copyOf(base.data, Math.max(mergedLength, doubled));
        }
        int cursor = start;
        for (int i = first; i <= last; i++) {
            Block block = held.get(i);
            if (block.start > cursor) {
                System.arraycopy(b, off + cursor - start, merged, cursor - mergedStart, block.start - cursor);
            }
            cursor = Math.max(cursor, block.end());
        }
        if (cursor < end) System.arraycopy(b, off + cursor - start, merged, cursor - mergedStart, end - cursor);
        for (int i = first; i <= last; i++) {
            Block block = held.get(i);
            heldBytes -= block.length;
            if (i > first || !extendBase) {
                System.arraycopy(block.data, 0, merged, block.start - mergedStart, block.length);
            }
        }
        heldBytes += mergedLength;
        held.subList(first + 1, last + 1).clear();
        held.set(first, new Block(mergedStart, merged, mergedLength));
    }
}
