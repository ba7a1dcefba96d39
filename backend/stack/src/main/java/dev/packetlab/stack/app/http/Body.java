package dev.packetlab.stack.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The content of a response as the server sends it: bytes it holds, or bytes it makes up as it goes, so that a lab can
 * serve a 50 MB download without holding 50 MB.
 */
public sealed interface Body {
    /** Its length in bytes. */
    long length();

    /** Bytes {@code [offset, offset + length)}. */
    byte[] slice(long offset, int length);

    /** All of it (for small bodies). */
    default byte[] all() {
        return slice(0, (int) length());
    }

    static Body of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Body of(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code size} bytes of readable filler text: 63 letters and digits then a newline, each line shifted by one. */
    static Body filler(long size) {
        return new Filler(size);
    }

    /**
     * A real PNG image of exactly {@code size} bytes (at least {@link Png#MIN_SIZE}): one grey pixel, padded with a
     * tEXt comment of filler text, so that Wireshark, which hands an image/png body to its PNG dissector, finds a valid
     * image and nothing malformed.
     */
    static Body png(long size) {
        return new Png(size);
    }

    record Bytes(byte[] bytes) implements Body {
        @Override
        public long length() { return bytes.length; }

        @Override
        public byte[] slice(long offset, int length) {
            return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
        }
    }

    record Filler(long size) implements Body {
        private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

        @Override
        public long length() { return size; }

        @Override
        public byte[] slice(long offset, int length) {
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) out[i] = at(offset + i);
            return out;
        }

        static byte at(long i) {
            long column = i % 64;
            if (column == 63) return '\n';
            return (byte) ALPHABET.charAt((int) ((i / 64 + column) % ALPHABET.length()));
        }
    }

    /** {@link #png}: signature, IHDR, IDAT, a tEXt chunk whose text fills the size, IEND (PNG specification 5). */
    record Png(long size, byte[] head, byte[] tail) implements Body {
        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        private static final byte[] KEYWORD = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
        /** The smallest PNG made this way: everything but the comment's text. */
        public static final long MIN_SIZE = prefix().length + 12 + KEYWORD.length + 12;

        Png(long size) {
            this(size, head(size), tail(size));
        }

        public Png {
            if (size < MIN_SIZE) throw new IllegalArgumentException("a PNG image needs at least " + MIN_SIZE + " bytes");
        }

        /** Signature, IHDR (1×1, 8-bit grey) and IDAT (the zlib stream of one scanline). */
        private static byte[] prefix() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(SIGNATURE);
            out.writeBytes(chunk("IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0}));
            java.util.zip.Deflater d = new java.util.zip.Deflater();
            d.setInput(new byte[] {0, (byte) 0x80}); // filter type 0, one grey pixel
            d.finish();
            byte[] z = new byte[64];
            int n = d.deflate(z);
            d.end();
            out.writeBytes(chunk("IDAT", Arrays.copyOf(z, n)));
            return out.toByteArray();
        }

        private static long textLength(long size) {
            return size - MIN_SIZE;
        }

        /** The prefix, then the tEXt chunk's length, type and keyword. */
        private static byte[] head(long size) {
            byte[] prefix = prefix();
            long length = KEYWORD.length + textLength(size);
            byte[] out = Arrays.copyOf(prefix, prefix.length + 8 + KEYWORD.length);
            int at = prefix.length;
            for (int i = 0; i < 4; i++) out[at + i] = (byte) (length >>> (24 - 8 * i));
            System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, out, at + 4, 4);
            System.arraycopy(KEYWORD, 0, out, at + 8, KEYWORD.length);
            return out;
        }

        /** The tEXt chunk's CRC (over its type, keyword and text), then IEND. */
        private static byte[] tail(long size) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
            crc.update(KEYWORD);
            long text = textLength(size);
            for (long off = 0; off < text; off += 65_536) {
                crc.update(new Filler(text).slice(off, (int) Math.min(65_536, text - off)));
            }
            byte[] out = new byte[16];
            long c = crc.getValue();
            for (int i = 0; i < 4; i++) out[i] = (byte) (c >>> (24 - 8 * i));
            System.arraycopy(chunk("IEND", new byte[0]), 0, out, 4, 12);
            return out;
        }

        /** A chunk: length, type, data, CRC of type and data. */
        private static byte[] chunk(String type, byte[] data) {
            byte[] out = new byte[12 + data.length];
            for (int i = 0; i < 4; i++) out[i] = (byte) (data.length >>> (24 - 8 * i));
            byte[] t = type.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(t, 0, out, 4, 4);
            System.arraycopy(data, 0, out, 8, data.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(out, 4, 4 + data.length);
            long c = crc.getValue();
            for (int i = 0; i < 4; i++) out[8 + data.length + i] = (byte) (c >>> (24 - 8 * i));
            return out;
        }

        @Override
        public long length() { return size; }

        @Override
        public byte[] slice(long offset, int length) {
            byte[] out = new byte[length];
            long textEnd = size - tail.length;
            for (int i = 0; i < length; i++) {
                long at = offset + i;
                if (at < head.length) out[i] = head[(int) at];
                else if (at < textEnd) out[i] = Filler.at(at - head.length);
                else out[i] = tail[(int) (at - textEnd)];
            }
            return out;
        }
    }
}
