package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A DNS message as a value (RFC 1035 4.1): the header's ID and flags word, and the question, answer, authority and
 * additional sections. {@link #decode} reads the wire format, following compression pointers, and never throws;
 * {@link #toBytes(int)} writes it with compression and, when it does not fit, truncates it as RFC 2181 9 says.
 *
 * @param flags the header's second word: QR, opcode, AA, TC, RD, RA, Z, AD, CD and RCODE
 */
public record DnsMessage(int id, int flags, List<DnsQuestion> questions, List<DnsRecord> answers,
                         List<DnsRecord> authorities, List<DnsRecord> additionals) {
    /** Set in a response. */
    public static final int QR = 0x8000;
    /** Authoritative answer: the responding server is an authority for the name in the question. */
    public static final int AA = 0x0400;
    /** Truncated: the message did not fit the transport (512 bytes over UDP). */
    public static final int TC = 0x0200;
    /** Recursion desired, copied into the response. */
    public static final int RD = 0x0100;
    /** Recursion available at this server. */
    public static final int RA = 0x0080;
    /** Authentic data (RFC 4035); never set here, as nothing is signed. */
    public static final int AD = 0x0020;
    /** Checking disabled (RFC 4035). */
    public static final int CD = 0x0010;

    public static final int OPCODE_QUERY = 0;
    public static final int OPCODE_STATUS = 2;

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;
    public static final int REFUSED = 5;

    public DnsMessage {
        if ((id & ~0xffff) != 0 || (flags & ~0xffff) != 0) throw new IllegalArgumentException("id and flags are 16-bit");
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
    }

    /** A standard query for one question, with RD as asked. */
    public static DnsMessage query(int id, DnsQuestion question, boolean recursionDesired) {
        return new DnsMessage(id, recursionDesired ? RD : 0, List.of(question), List.of(), List.of(), List.of());
    }

    /** A response to {@code query}: its ID, opcode, RD bit and question, QR set, nothing else yet. */
    public static Builder responseTo(DnsMessage query) {
        Builder b = new Builder(query.id, QR | (query.flags & (0x7800 | RD | CD)));
        b.questions.addAll(query.questions);
        return b;
    }

    public boolean isResponse() { return (flags & QR) != 0; }

    public int opcode() { return (flags >>> 11) & 0xf; }

    public boolean authoritative() { return (flags & AA) != 0; }

    public boolean truncated() { return (flags & TC) != 0; }

    public boolean recursionDesired() { return (flags & RD) != 0; }

    public boolean recursionAvailable() { return (flags & RA) != 0; }

    public int rcode() { return flags & 0xf; }

    /** The first question, or null when there is none. */
    public DnsQuestion question() { return questions.isEmpty() ? null : questions.get(0); }

    /** dig's words for a response code ({@code NOERROR}, {@code NXDOMAIN}, … {@code RESERVED11}). */
    public static String rcodeName(int rcode) {
        return switch (rcode) {
            case NOERROR -> "NOERROR";
            case FORMERR -> "FORMERR";
            case SERVFAIL -> "SERVFAIL";
            case NXDOMAIN -> "NXDOMAIN";
            case NOTIMP -> "NOTIMP";
            case REFUSED -> "REFUSED";
            case 6 -> "YXDOMAIN";
            case 7 -> "YXRRSET";
            case 8 -> "NXRRSET";
            case 9 -> "NOTAUTH";
            case 10 -> "NOTZONE";
            default -> "RESERVED" + rcode;
        };
    }

    /** dig's words for an opcode. */
    public static String opcodeName(int opcode) {
        return switch (opcode) {
            case OPCODE_QUERY -> "QUERY";
            case 1 -> "IQUERY";
            case OPCODE_STATUS -> "STATUS";
            case 4 -> "NOTIFY";
            case 5 -> "UPDATE";
            default -> "RESERVED" + opcode;
        };
    }

    /** The header flags dig lists, in its order: {@code qr aa tc rd ra ad cd}. */
    public String flagNames() {
        StringBuilder s = new StringBuilder();
        if ((flags & QR) != 0) s.append(" qr");
        if ((flags & AA) != 0) s.append(" aa");
        if ((flags & TC) != 0) s.append(" tc");
        if ((flags & RD) != 0) s.append(" rd");
        if ((flags & RA) != 0) s.append(" ra");
        if ((flags & AD) != 0) s.append(" ad");
        if ((flags & CD) != 0) s.append(" cd");
        return s.isEmpty() ? "" : s.substring(1);
    }

    /**
     * Reads the message in {@code b[off, off+len)} (a UDP payload, or one TCP message without its length prefix).
     * Bytes after the last record are ignored, as resolvers ignore them.
     */
    public static Decoded<DnsMessage> decode(byte[] b, int off, int len) {
        DnsHeaderView h = DnsHeaderView.wrap(b, off, len);
        Malformed m = h.checkStructure();
        if (m != null) return Decoded.failure(m);
        DnsReader r = new DnsReader(b, off, len);
        r.seek(DnsHeaderView.HEADER_LENGTH);
        try {
            List<DnsQuestion> questions = new ArrayList<>();
            for (int i = 0; i < h.questionCount(); i++) {
                announced(r, h.questionCount(), "question", i);
                questions.add(r.question());
            }
            List<DnsRecord> answers = records(r, h.answerCount(), "answer");
            List<DnsRecord> authorities = records(r, h.authorityCount(), "authority");
            List<DnsRecord> additionals = records(r, h.additionalCount(), "additional");
            return Decoded.of(new DnsMessage(h.id(), h.flags(), questions, answers, authorities, additionals));
        } catch (DnsReader.Bad bad) {
            return Decoded.failure("DNS", bad.getMessage());
        }
    }

    private static List<DnsRecord> records(DnsReader r, int count, String section) {
        List<DnsRecord> list = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            announced(r, count, section, i);
            list.add(r.record());
        }
        return list;
    }

    private static void announced(DnsReader r, int count, String section, int read) {
        if (r.atEnd()) {
            throw new DnsReader.Bad("the header announces " + count + " " + section + (count == 1 ? "" : "s")
                    + " but the message ends after " + read);
        }
    }

    /** The whole message, compressed. */
    public byte[] toBytes() {
        return toBytes(Integer.MAX_VALUE);
    }

    /**
     * The message compressed and cut to at most {@code limit} bytes (512 over UDP). RFC 2181 9: records that do
     * not fit are left out whole; if an answer or authority record had to go, TC is set so the client can ask again
     * over TCP; additional records are left out silently, as they are only hints.
     */
    public byte[] toBytes(int limit) {
        DnsWriter w = new DnsWriter();
        for (int i = 0; i < DnsHeaderView.HEADER_LENGTH; i++) w.u8(0);
        for (DnsQuestion q : questions) w.question(q);
        int[] counts = new int[3];
        boolean truncated = false;
        List<List<DnsRecord>> sections = List.of(answers, authorities, additionals);
        for (int s = 0; s < 3 && !truncated; s++) {
            for (DnsRecord rec : sections.get(s)) {
                long mark = w.mark();
                w.record(rec);
                if (w.position() > limit) {
                    w.rewind(mark);
                    truncated = true;
                    break;
                }
                counts[s]++;
            }
            if (truncated && s == 2) truncated = false; // only the additional section was cut: no TC
            if (counts[s] < sections.get(s).size()) break;
        }
        int f = flags | (truncated ? TC : 0);
        byte[] bytes = w.toBytes();
        DnsHeaderView h = DnsHeaderView.wrap(bytes, 0, bytes.length);
        h.setId(id);
        h.setFlags(f);
        h.setCounts(questions.size(), counts[0], counts[1], counts[2]);
        return bytes;
    }

    /** Collects a message's parts; used by servers to build a response. */
    public static final class Builder {
        private final int id;
        private int flags;
        private final List<DnsQuestion> questions = new ArrayList<>();
        private final List<DnsRecord> answers = new ArrayList<>();
        private final List<DnsRecord> authorities = new ArrayList<>();
        private final List<DnsRecord> additionals = new ArrayList<>();

        public Builder(int id, int flags) {
            this.id = id;
            this.flags = flags;
        }

        /** Sets or clears one of the flag bits ({@link #AA}, {@link #RA}, …). */
        public Builder flag(int bit, boolean on) {
            flags = on ? flags | bit : flags & ~bit;
            return this;
        }

        public Builder rcode(int rcode) {
            flags = (flags & ~0xf) | (rcode & 0xf);
            return this;
        }

        public Builder question(DnsQuestion q) {
            questions.add(q);
            return this;
        }

        public Builder answer(DnsRecord r) {
            answers.add(r);
            return this;
        }

        public Builder authority(DnsRecord r) {
            authorities.add(r);
            return this;
        }

        public Builder additional(DnsRecord r) {
            additionals.add(r);
            return this;
        }

        public List<DnsRecord> answers() { return answers; }

        public List<DnsRecord> additionals() { return additionals; }

        public DnsMessage build() {
            return new DnsMessage(id, flags, questions, answers, authorities, additionals);
        }
    }
}
