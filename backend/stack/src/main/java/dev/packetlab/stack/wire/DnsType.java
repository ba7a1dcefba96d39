package dev.packetlab.stack.wire;

import java.util.Locale;
import java.util.Map;

/**
 * Resource record types (RFC 1035 3.2.2, RFC 3596 for AAAA) and classes (RFC 1035 3.2.4), with the mnemonics dig
 * prints; a type or class without one prints as {@code TYPE65} or {@code CLASS5} (RFC 3597 5).
 */
public final class DnsType {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    /** EDNS's pseudo-record (RFC 6891); not sent by our tools, read as an unknown type. */
    public static final int OPT = 41;
    /** QTYPE * (RFC 1035 3.2.3): every type the server has for the name. */
    public static final int ANY = 255;

    public static final int CLASS_IN = 1;
    public static final int CLASS_CH = 3;
    public static final int CLASS_HS = 4;
    public static final int CLASS_ANY = 255;

    private static final Map<Integer, String> NAMES = Map.of(A, "A", NS, "NS", CNAME, "CNAME", SOA, "SOA", PTR, "PTR",
            MX, "MX", TXT, "TXT", AAAA, "AAAA", OPT, "OPT", ANY, "ANY");

    private DnsType() {}

    /** The mnemonic ({@code A}, {@code MX}) or {@code TYPEn}. */
    public static String name(int type) {
        String n = NAMES.get(type);
        return n != null ? n : "TYPE" + type;
    }

    /** The type a mnemonic or {@code TYPEn} names, case-insensitively; -1 when it names none. */
    public static int parse(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        for (Map.Entry<Integer, String> e : NAMES.entrySet()) if (e.getValue().equals(t)) return e.getKey();
        if (t.startsWith("TYPE") && t.length() > 4 && t.length() <= 9 && t.substring(4).chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(t.substring(4));
            return v <= 0xffff ? v : -1;
        }
        return -1;
    }

    /** {@code IN}, {@code CH}, {@code HS}, {@code ANY} or {@code CLASSn}. */
    public static String className(int dnsClass) {
        return switch (dnsClass) {
            case CLASS_IN -> "IN";
            case CLASS_CH -> "CH";
            case CLASS_HS -> "HS";
            case CLASS_ANY -> "ANY";
            default -> "CLASS" + dnsClass;
        };
    }
}
