package dev.packetlab.stack.wire;

/** Big-endian ("network byte order", RFC 1700) field access shared by the views, as smoltcp's {@code NetworkEndian}. */
final class NetworkOrder {
    private NetworkOrder() {}

    static int u8(byte[] b, int at) { return b[at] & 0xff; }

    static int u16(byte[] b, int at) { return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff); }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    /**
     * How many bytes of {@code [offset, offset+length)} really lie inside {@code buffer}: a view wrapped over a
     * range the caller got wrong (negative, or past the end) sees fewer bytes and its check reports them as
     * truncated, instead of an index exception escaping later.
     */
    static int available(byte[] buffer, int offset, int length) {
        if (offset < 0 || length <= 0 || offset >= buffer.length) return 0;
        return Math.min(length, buffer.length - offset);
    }
}
