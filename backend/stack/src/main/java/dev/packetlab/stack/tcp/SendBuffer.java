package dev.packetlab.stack.tcp;

import java.util.Objects;

/**
 * The bytes the application has written that the peer has not yet acknowledged: the sequence space from SND.UNA on
 * (RFC 9293 3.7, 3.8). Offset 0 is the byte at SND.UNA; the connection reads any range again for a retransmission and
 * drops the oldest bytes as ACKs arrive. The capacity is SO_SNDBUF: a write takes only what fits.
 *
 * <p>A ring over one {@code byte[]}. A classroom lab holds thousands of idle connections and a bulk transfer may push
 * a gigabyte through one, so the storage is allocated on the first write, doubles as needed up to the capacity, and
 * is let go as soon as everything held has been acknowledged.
 */
public final class SendBuffer {
    /** The first allocation, unless the first write needs more or the capacity is smaller. */
    static final int MIN_ALLOCATION = 2048;

    /** SO_SNDBUF as last set. */
    private int sndbuf;
    private byte[] storage;
    private int head;
    private int size;

    /** @throws IllegalArgumentException when {@code capacity} is negative */
    public SendBuffer(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("send buffer capacity " + capacity + " is negative");
        sndbuf = capacity;
    }

    /**
     * The most bytes this buffer holds: SO_SNDBUF, or the bytes held when SO_SNDBUF was lowered below them and they
     * have not yet been acknowledged.
     */
    public int capacity() { return Math.max(sndbuf, size); }

    /**
     * Sets SO_SNDBUF. Bytes already written are never thrown away, so {@link #capacity()} does not drop below
     * {@link #size()}: writes take nothing until enough of them have been acknowledged.
     *
     * @throws IllegalArgumentException when {@code capacity} is negative
     */
    public void setCapacity(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("send buffer capacity " + capacity + " is negative");
        sndbuf = capacity;
        if (storage != null && storage.length > capacity()) relocate(capacity());
    }

    /** Bytes held: written and not yet acknowledged. */
    public int size() { return size; }

    /** Bytes a write may still add. */
    public int free() { return capacity() - size; }

    /**
     * Appends as many of {@code b[off, off+len)} as fit.
     *
     * @return how many bytes were taken, from 0 (the buffer is full) to {@code len}
     * @throws IndexOutOfBoundsException when the range lies outside {@code b}
     */
    public int write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int n = Math.min(len, free());
        if (n == 0) return 0;
        ensureStorage(size + n);
        int tail = index(size);
        int first = Math.min(n, storage.length - tail);
        System.arraycopy(b, off, storage, tail, first);
        System.arraycopy(b, off + first, storage, 0, n - first);
        size += n;
        return n;
    }

    /**
     * Copies the held bytes {@code [offset, offset+len)}, counted from SND.UNA, into {@code dst} without removing them:
     * what a (re)transmitted segment carries.
     *
     * @throws IndexOutOfBoundsException when the range is not within {@code [0, size())} or does not fit in
     *         {@code dst}
     */
    public void copy(int offset, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(offset, len, size);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        if (len == 0) return;
        int start = index(offset);
        int first = Math.min(len, storage.length - start);
        System.arraycopy(storage, start, dst, dstOff, first);
        System.arraycopy(storage, 0, dst, dstOff + first, len - first);
    }

    /**
     * Drops the {@code n} oldest bytes: SND.UNA advanced by {@code n} (RFC 9293 3.10.7.4, ESTABLISHED: "any segments
     * on the retransmission queue that are thereby entirely acknowledged are removed"). Once nothing is held the
     * storage is released.
     *
     * @throws IllegalArgumentException unless {@code 0 <= n <= size()}
     */
    public void acknowledge(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot acknowledge " + n + " of the " + size + " bytes held");
        }
        size -= n;
        if (size == 0) {
            storage = null;
            head = 0;
        } else {
            head = index(n);
        }
    }

    /** Bytes of storage currently allocated (0 while empty), for tests and memory accounting. */
    int allocated() { return storage == null ? 0 : storage.length; }

    /** The storage index of the byte {@code offset} bytes after the oldest; valid for {@code offset <= size}. */
    private int index(int offset) {
        int i = head + offset;
        return i >= storage.length ? i - storage.length : i;
    }

    private void ensureStorage(int needed) {
        int length = storage == null ? 0 : storage.length;
        if (length >= needed) return;
        int grown = Math.max(length == 0 ? MIN_ALLOCATION : length, 1);
        while (grown < needed) grown = grown > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : grown * 2;
        relocate(Math.min(grown, capacity()));
    }

    /** Moves the held bytes to a new array of {@code length} (at least {@code size}), the oldest at index 0. */
    private void relocate(int length) {
        byte[] moved = new byte[length];
        if (size > 0) copy(0, moved, 0, size);
        storage = moved;
        head = 0;
    }
}
