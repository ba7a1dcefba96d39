package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which frames a {@code frame:}, {@code drop:} or {@code count:} check looks for: a protocol and conditions on its
 * fields (every condition must hold), and where the frame is looked at.
 *
 * <p>Where: by default a frame is counted once, when the node that made it sent it (its IPv4 source or ARP sender
 * is the node's own), so a packet that crosses two routers and a switch is one packet, not four frames, and a
 * router's forwarded copies are not counted as new packets. {@code sent-by: NODE} counts what NODE put on its
 * links, forwarded or repeated frames included; {@code received-by: NODE} counts what arrived at NODE's interfaces,
 * including frames a hub repeated to it that were not addressed to it.
 */
public final class FrameFilter {
    /** Where frames are looked at. */
    enum Where { ORIGIN, SENT_BY, RECEIVED_BY }

    /**
     * One condition, with the words that describe it ("from pc1", "with flags SYN, ACK"), and in Korean, where it
     * stands before the noun it qualifies ("pc1에서 온", "플래그가 SYN, ACK인").
     */
    record Condition(String phrase, String phraseKo, Predicate<DecodedFrame> test) {
        Condition(Predicate<DecodedFrame> test) {
            this("", "", test);
        }
    }

    private final String noun;
    private final String nounKo;
    private final List<Condition> conditions;
    private final Where where;
    private final String node;

    FrameFilter(String noun, String nounKo, List<Condition> conditions, Where where, String node) {
        this.noun = noun;
        this.nounKo = nounKo;
        this.conditions = List.copyOf(conditions);
        this.where = where;
        this.node = node;
    }

    /** Whether every condition holds for the frame. */
    boolean matches(DecodedFrame f) {
        for (Condition c : conditions) if (!c.test().test(f)) return false;
        return true;
    }

    /** Whether this trace event is a place this filter looks at frames (before looking at the frame itself). */
    boolean looksAt(TraceEvent e, DecodedFrame f, Addresses addresses) {
        return switch (where) {
            case ORIGIN -> e instanceof TraceEvent.FrameSent && addresses.origin(e.node(), f);
            case SENT_BY -> e instanceof TraceEvent.FrameSent && e.node().equals(node);
            case RECEIVED_BY -> e instanceof TraceEvent.FrameReceived && e.node().equals(node);
        };
    }

    /** "a TCP segment with flags SYN, ACK from web to pc1 on port 80", in the words of the lab file's keys. */
    public String describe() { return describe(Language.EN); }

    /**
     * The filter in {@code language}; in Korean the conditions come first, as the clauses that qualify the noun:
     * "pc1에서 온 포트가 80인 TCP 세그먼트".
     */
    public String describe(Language language) {
        if (language == Language.KO) {
            List<String> parts = new ArrayList<>();
            for (Condition c : conditions) if (!c.phraseKo().isEmpty()) parts.add(c.phraseKo());
            if (where == Where.SENT_BY) parts.add(Korean.subject(node) + " 내보낸");
            if (where == Where.RECEIVED_BY) parts.add(Korean.subject(node) + " 받은");
            parts.add(nounKo);
            return String.join(" ", parts);
        }
        List<String> parts = new ArrayList<>();
        parts.add((startsWithVowel(noun) ? "an " : "a ") + noun);
        for (Condition c : conditions) if (!c.phrase().isEmpty()) parts.add(c.phrase());
        if (where == Where.SENT_BY) parts.add("sent by " + node);
        if (where == Where.RECEIVED_BY) parts.add("received by " + node);
        return String.join(" ", parts);
    }

    private static boolean startsWithVowel(String word) {
        // acronyms are read letter by letter: "an ARP", "an HTTP", "an IPv4" but "a UDP"
        return "AEIOHaeiou".indexOf(word.charAt(0)) >= 0;
    }

    @Override
    public String toString() { return describe(); }
}
