package dev.packetlab.stack.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes classic libpcap files (link type 1, Ethernet) with timestamps taken from simulated time. The nanosecond
 * variant (magic 0xa1b23c4d) keeps the simulator's full resolution; Wireshark and tshark read both.
 * Fields are written little-endian, which the magic number announces to readers.
 */
public final class PcapWriter implements AutoCloseable {
    public enum Resolution { MICROSECONDS, NANOSECONDS }

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int SNAPLEN = 262_144;

    private final OutputStream out;
    private final Resolution resolution;
    private final byte[] recordHeader = new byte[16];

    public PcapWriter(OutputStream out, Resolution resolution) {
        this.out = out;
        this.resolution = resolution;
        byte[] h = new byte[24];
        putInt(h, 0, resolution == Resolution.NANOSECONDS ? 0xa1b23c4d : 0xa1b2c3d4);
        putShort(h, 4, 2); // version 2.4
        putShort(h, 6, 4);
        // thiszone and sigfigs stay 0: simulated time has no time zone
        putInt(h, 16, SNAPLEN);
        putInt(h, 20, LINKTYPE_ETHERNET);
        write(h, h.length);
    }

    /** Appends one frame seen at simulated time {@code timeNanos}. */
    public void write(long timeNanos, byte[] frame) {
        long seconds = timeNanos / 1_000_000_000L;
        long fraction = timeNanos % 1_000_000_000L;
        if (resolution == Resolution.MICROSECONDS) fraction /= 1000;
        putInt(recordHeader, 0, (int) seconds);
        putInt(recordHeader, 4, (int) fraction);
        putInt(recordHeader, 8, frame.length);
        putInt(recordHeader, 12, frame.length);
        write(recordHeader, 16);
        write(frame, frame.length);
    }

    private void write(byte[] b, int len) {
        try {
            out.write(b, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }
}
