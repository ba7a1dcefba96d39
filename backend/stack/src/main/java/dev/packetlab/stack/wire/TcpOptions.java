package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.u16;
import static dev.packetlab.stack.wire.NetworkOrder.u8;
import static dev.packetlab.stack.wire.TcpHeaderView.put32;
import static dev.packetlab.stack.wire.TcpHeaderView.u32;

import java.util.ArrayList;
import java.util.List;

/**
 * The TCP options PacketLab speaks, as a value (RFC 9293 3.2): maximum segment size, window scale and timestamps
 * (RFC 7323), SACK-permitted and SACK blocks (RFC 2018). Which options are allowed on which segment (MSS, window
 * scale and SACK-permitted only on a SYN) is the TCP layer's rule, not this record's.
 *
 * <p>{@link #emit} lays the options out as Linux's {@code tcp_options_write} does, every option padded with NOPs to
 * a 32-bit boundary, so that a capture's SYN reads like a real host's:
 * {@code 02 04 05 b4 | 04 02 08 0a <tsval> <tsecr> | 01 03 03 07}.
 *
 * @param mss           the maximum segment size (RFC 9293 3.7.1), or -1 when absent
 * @param windowScale   the shift count as sent (RFC 7323 2.2), or -1 when absent; a receiver caps it at 14 (2.3)
 * @param sackPermitted whether SACK-permitted was sent (RFC 2018 2)
 * @param timestamps    TSval and TSecr (RFC 7323 3.2), or null when absent
 * @param sackBlocks    the SACK blocks (RFC 2018 3), empty when absent
 */
public record TcpOptions(int mss, int windowScale, boolean sackPermitted, Timestamps timestamps,
                         List<SackBlock> sackBlocks) {
    /** Option kinds (IANA "TCP Option Kind Numbers"). */
    public static final int KIND_END = 0;
    public static final int KIND_NOP = 1;
    public static final int KIND_MSS = 2;
    public static final int KIND_WINDOW_SCALE = 3;
    public static final int KIND_SACK_PERMITTED = 4;
    public static final int KIND_SACK = 5;
    public static final int KIND_TIMESTAMPS = 8;
    /** The options region is at most 40 bytes: a 60-byte header less the fixed 20. */
    public static final int MAX_LENGTH = TcpHeaderView.MAX_HEADER_LENGTH - TcpHeaderView.MIN_HEADER_LENGTH;
    public static final TcpOptions NONE = new TcpOptions(-1, -1, false, null, List.of());

    /** RFC 7323 3.2: the sender's clock (TSval) and the most recent TSval it received (TSecr), unsigned 32 bits. */
    public record Timestamps(long value, long echoReply) {
        public Timestamps {
            if ((value & ~0xffff_ffffL) != 0) throw new IllegalArgumentException("TSval must be 32 bits, got " + value);
            if ((echoReply & ~0xffff_ffffL) != 0) throw new IllegalArgumentException("TSecr must be 32 bits, got " + echoReply);
        }
    }

    /** RFC 2018 3: one block of data received out of order, [left, right) in sequence space. */
    public record SackBlock(long left, long right) {
        public SackBlock {
            if (((left | right) & ~0xffff_ffffL) != 0) {
                throw new IllegalArgumentException("SACK edges must be 32 bits, got " + left + ".." + right);
            }
        }
    }

    public TcpOptions {
        if (mss < -1 || mss > 0xffff) throw new IllegalArgumentException("MSS must be 0..65535 or -1 for none, got " + mss);
        if (windowScale < -1 || windowScale > 0xff) {
            throw new IllegalArgumentException("window scale must be 0..255 or -1 for none, got " + windowScale);
        }
        if (sackBlocks == null) throw new IllegalArgumentException("null SACK blocks (use List.of())");
        sackBlocks = List.copyOf(sackBlocks);
        int length = emittedLength(mss, windowScale, sackPermitted, timestamps, sackBlocks.size());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("options need " + length + " bytes, more than the 40 a header holds");
        }
    }

    public TcpOptions withMss(int mss) { return new TcpOptions(mss, windowScale, sackPermitted, timestamps, sackBlocks); }

    public TcpOptions withWindowScale(int shift) { return new TcpOptions(mss, shift, sackPermitted, timestamps, sackBlocks); }

    public TcpOptions withSackPermitted(boolean permitted) {
        return new TcpOptions(mss, windowScale, permitted, timestamps, sackBlocks);
    }

    public TcpOptions withTimestamps(long value, long echoReply) {
        return new TcpOptions(mss, windowScale, sackPermitted, new Timestamps(value, echoReply), sackBlocks);
    }

    public TcpOptions withSackBlocks(List<SackBlock> blocks) {
        return new TcpOptions(mss, windowScale, sackPermitted, timestamps, blocks);
    }

    /** The length an option of {@code kind} must have, or 0 when it has none fixed (SACK, unknown kinds). */
    static int fixedLength(int kind) {
        return switch (kind) {
            case KIND_MSS -> 4;
            case KIND_WINDOW_SCALE -> 3;
            case KIND_SACK_PERMITTED -> 2;
            case KIND_TIMESTAMPS -> 10;
            default -> 0;
        };
    }

    /** How Wireshark names an option kind. */
    static String kindName(int kind) {
        return switch (kind) {
            case KIND_END -> "End of Option List";
            case KIND_NOP -> "No-Operation";
            case KIND_MSS -> "MSS";
            case KIND_WINDOW_SCALE -> "Window scale";
            case KIND_SACK_PERMITTED -> "SACK permitted";
            case KIND_SACK -> "SACK";
            case KIND_TIMESTAMPS -> "Timestamps";
            default -> "Kind " + kind;
        };
    }

    /**
     * Reads the options of the segment {@code v} covers. Unknown kinds are skipped; when a kind appears twice the
     * later one wins, as in Linux's {@code tcp_parse_options}. Fails with the view's reason when the header or its
     * option list is malformed, so that this never throws on received bytes.
     */
    public static Decoded<TcpOptions> parse(TcpHeaderView v) {
        Malformed m = v.checkStructure();
        if (m != null) return Decoded.failure(m);
        if (v.optionsLength() == 0) return Decoded.of(NONE);
        byte[] b = v.buffer();
        int mss = -1;
        int windowScale = -1;
        boolean sackPermitted = false;
        Timestamps timestamps = null;
        List<SackBlock> blocks = List.of();
        int end = v.optionsEnd();
        for (int at = v.optionsOffset(); at < end; at += v.optionLength(at)) {
            switch (v.optionKind(at)) {
                case KIND_MSS -> mss = u16(b, at + 2);
                case KIND_WINDOW_SCALE -> windowScale = u8(b, at + 2);
                case KIND_SACK_PERMITTED -> sackPermitted = true;
                case KIND_TIMESTAMPS -> timestamps = new Timestamps(u32(b, at + 2), u32(b, at + 6));
                case KIND_SACK -> {
                    List<SackBlock> read = new ArrayList<>();
                    for (int i = at + 2; i < at + v.optionLength(at); i += 8) read.add(new SackBlock(u32(b, i), u32(b, i + 4)));
                    blocks = read;
                }
                default -> { } // NOP, EOL and kinds PacketLab does not speak
            }
        }
        // A received list may hold more than emit would write (say, four SACK blocks beside NOP-free timestamps);
        // the record's 40-byte limit is about Linux's layout, so drop blocks until that layout fits.
        while (emittedLength(mss, windowScale, sackPermitted, timestamps, blocks.size()) > MAX_LENGTH) {
            blocks = blocks.subList(0, blocks.size() - 1);
        }
        return Decoded.of(new TcpOptions(mss, windowScale, sackPermitted, timestamps, blocks));
    }

    /** The bytes {@link #emit} writes: always a multiple of 4, at most 40. */
    public int length() {
        return emittedLength(mss, windowScale, sackPermitted, timestamps, sackBlocks.size());
    }

    private static int emittedLength(int mss, int windowScale, boolean sackPermitted, Timestamps timestamps, int blocks) {
        int n = mss >= 0 ? 4 : 0;
        n += timestamps != null ? 12 : sackPermitted ? 4 : 0; // SACK-permitted rides in the timestamps' padding
        n += windowScale >= 0 ? 4 : 0;
        n += blocks > 0 ? 4 + 8 * blocks : 0;
        return n;
    }

    /**
     * Writes the options at {@code off} in Linux's order and padding ({@code tcp_options_write}): MSS; then
     * SACK-permitted in place of the two NOPs before timestamps, or NOP NOP SACK-permitted without them; NOP and
     * window scale; NOP NOP and the SACK blocks. Returns {@link #length()}.
     */
    public int emit(byte[] b, int off) {
        int at = off;
        if (mss >= 0) at = word(b, at, KIND_MSS, 4, mss >>> 8, mss);
        if (timestamps != null) {
            at = sackPermitted ? word(b, at, KIND_SACK_PERMITTED, 2, KIND_TIMESTAMPS, 10) : word(b, at, KIND_NOP, KIND_NOP, KIND_TIMESTAMPS, 10);
            put32(b, at, timestamps.value());
            put32(b, at + 4, timestamps.echoReply());
            at += 8;
        } else if (sackPermitted) {
            at = word(b, at, KIND_NOP, KIND_NOP, KIND_SACK_PERMITTED, 2);
        }
        if (windowScale >= 0) at = word(b, at, KIND_NOP, KIND_WINDOW_SCALE, 3, windowScale);
        if (!sackBlocks.isEmpty()) {
            at = word(b, at, KIND_NOP, KIND_NOP, KIND_SACK, 2 + 8 * sackBlocks.size());
            for (SackBlock block : sackBlocks) {
                put32(b, at, block.left());
                put32(b, at + 4, block.right());
                at += 8;
            }
        }
        return at - off;
    }

    private static int word(byte[] b, int at, int b0, int b1, int b2, int b3) {
        b[at] = (byte) b0;
        b[at + 1] = (byte) b1;
        b[at + 2] = (byte) b2;
        b[at + 3] = (byte) b3;
        return at + 4;
    }
}
