package dev.packetlab.stack.wire;

import java.util.List;

/**
 * The data of a resource record, one record type per kind (RFC 1035 3.3, 3.4; RFC 3596 for AAAA). Types this
 * codec does not know are kept as {@link Unknown} bytes and written back unchanged (RFC 3597). {@link #toString}
 * is the presentation form dig prints in the last column.
 */
public sealed interface DnsRdata {
    /** The record type this data belongs to. */
    int type();

    /** An IPv4 address (RFC 1035 3.4.1). */
    record A(Ipv4Address address) implements DnsRdata {
        public int type() { return DnsType.A; }

        @Override
        public String toString() { return address.toString(); }
    }

    /** An IPv6 address (RFC 3596 2.2), as two 64-bit halves; the stack does not speak IPv6 but stores and serves it. */
    record Aaaa(long high, long low) implements DnsRdata {
        public int type() { return DnsType.AAAA; }

        /**
         * Parses RFC 4291 2.2 text ({@code 2001:db8::1}; no embedded IPv4 form).
         *
         * @throws IllegalArgumentException naming the text when it is not an IPv6 address
         */
        public static Aaaa parse(String text) {
            IllegalArgumentException bad = new IllegalArgumentException("not an IPv6 address: \"" + text + "\"");
            int gap = text.indexOf("::");
            if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) throw bad;
            String head = gap >= 0 ? text.substring(0, gap) : text;
            String tail = gap >= 0 ? text.substring(gap + 2) : "";
            String[] h = head.isEmpty() ? new String[0] : head.split(":", -1);
            String[] t = tail.isEmpty() ? new String[0] : tail.split(":", -1);
            if (gap < 0 && h.length != 8 || gap >= 0 && h.length + t.length > 7) throw bad;
            int[] groups = new int[8];
            for (int i = 0; i < h.length; i++) groups[i] = group(h[i], bad);
            for (int i = 0; i < t.length; i++) groups[8 - t.length + i] = group(t[i], bad);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 4; i++) high = (high << 16) | groups[i];
            for (int i = 4; i < 8; i++) low = (low << 16) | groups[i];
            return new Aaaa(high, low);
        }

        private static int group(String g, IllegalArgumentException bad) {
            if (g.isEmpty() || g.length() > 4) throw bad;
            int v = 0;
            for (int i = 0; i < g.length(); i++) {
                int d = Character.digit(g.charAt(i), 16);
                if (d < 0) throw bad;
                v = v * 16 + d;
            }
            return v;
        }

        /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
        @Override
        public String toString() {
            int[] g = new int[8];
            for (int i = 0; i < 4; i++) g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            for (int i = 0; i < 4; i++) g[4 + i] = (int) (low >>> (48 - 16 * i)) & 0xffff;
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                if (g[i] != 0) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < 8 && g[j] == 0) j++;
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    s.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (!s.isEmpty() && s.charAt(s.length() - 1) != ':') s.append(':');
                s.append(Integer.toHexString(g[i]));
            }
            return s.toString();
        }
    }

    /** The canonical name an alias stands for (RFC 1035 3.3.1). */
    record Cname(DnsName target) implements DnsRdata {
        public int type() { return DnsType.CNAME; }

        @Override
        public String toString() { return target.toString(); }
    }

    /** A name server for the zone the record's owner names (RFC 1035 3.3.11). */
    record Ns(DnsName host) implements DnsRdata {
        public int type() { return DnsType.NS; }

        @Override
        public String toString() { return host.toString(); }
    }

    /** The name an address's reverse name points to (RFC 1035 3.3.12). */
    record Ptr(DnsName target) implements DnsRdata {
        public int type() { return DnsType.PTR; }

        @Override
        public String toString() { return target.toString(); }
    }

    /** A mail exchanger and its preference, lower preferred (RFC 1035 3.3.9). */
    record Mx(int preference, DnsName exchange) implements DnsRdata {
        public Mx {
            if ((preference & ~0xffff) != 0) throw new IllegalArgumentException("MX preference must be 0..65535");
        }

        public int type() { return DnsType.MX; }

        @Override
        public String toString() { return preference + " " + exchange; }
    }

    /** One or more character-strings of up to 255 octets each (RFC 1035 3.3.14), one char per octet. */
    record Txt(List<String> strings) implements DnsRdata {
        public Txt {
            strings = List.copyOf(strings);
            if (strings.isEmpty()) throw new IllegalArgumentException("TXT needs at least one string");
            for (String s : strings) {
                if (s.length() > 255) throw new IllegalArgumentException("a TXT string is at most 255 octets, got " + s.length());
                if (s.chars().anyMatch(c -> c > 0xff)) throw new IllegalArgumentException("TXT strings are octets");
            }
        }

        public int type() { return DnsType.TXT; }

        /** Each string in quotes, {@code "} and {@code \} escaped, other unprintable octets as {@code \DDD}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (String t : strings) {
                if (!s.isEmpty()) s.append(' ');
                s.append('"');
                for (int i = 0; i < t.length(); i++) {
                    char c = t.charAt(i);
                    if (c == '"' || c == '\\') s.append('\\').append(c);
                    else if (c < 0x20 || c >= 0x7f) s.append('\\').append(String.format("%03d", (int) c));
                    else s.append(c);
                }
                s.append('"');
            }
            return s.toString();
        }
    }

    /**
     * The start of a zone of authority (RFC 1035 3.3.13). {@code minimum} is, since RFC 2308 4, the TTL of a
     * negative answer from the zone.
     */
    record Soa(DnsName mname, DnsName rname, long serial, long refresh, long retry, long expire, long minimum)
            implements DnsRdata {
        public Soa {
            for (long v : new long[] {serial, refresh, retry, expire, minimum}) {
                if ((v & ~0xffff_ffffL) != 0) throw new IllegalArgumentException("SOA numbers are 32-bit unsigned");
            }
        }

        public int type() { return DnsType.SOA; }

        @Override
        public String toString() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }
    }

    /** Data of a type this codec does not interpret, kept as bytes (RFC 3597). */
    record Unknown(int type, Payload data) implements DnsRdata {
        public Unknown {
            if ((type & ~0xffff) != 0) throw new IllegalArgumentException("type must be 0..65535");
        }

        /** RFC 3597 5: {@code \# 4 0a000001}. */
        @Override
        public String toString() {
            byte[] b = data.toByteArray();
            return "\\# " + b.length + (b.length == 0 ? "" : " " + java.util.HexFormat.of().formatHex(b));
        }
    }
}
