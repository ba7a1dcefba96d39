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
}
