package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.MacAddress;
import java.util.Set;

/**
 * Judges {@code arp-entry} and {@code mac-entry}: counts the times the table took the entry in (added, or updated
 * to it). An entry that later ages out still counts: the learner made the table learn it.
 */
final class TableEntryWatch extends Occurrences {
    private final Check check;
    private final Set<MacAddress> macs;
    private String lastSeen;
    private String lastSeenKo;

    /**
     * @param macs the MAC addresses that satisfy the check ({@code mac:} or {@code macOf}'s interfaces), or null
     *             when any resolved MAC address does (an ARP entry without {@code mac:})
     */
    TableEntryWatch(Check check, Set<MacAddress> macs) {
        super(check);
        this.check = check;
        this.macs = macs;
    }

    @Override
    boolean observe(Observation o) {
        return switch (o.event()) {
            case TraceEvent.ArpCacheChanged a when check instanceof Check.ArpEntry c -> arp(o, a, c);
            case TraceEvent.MacTableChanged m when check instanceof Check.MacEntry c -> mac(o, m, c);
            default -> false;
        };
    }

    private boolean arp(Observation o, TraceEvent.ArpCacheChanged a, Check.ArpEntry c) {
        if (!a.node().equals(c.node()) || a.mac() == null || !learned(a.change())) return false;
        int address;
        try {
            address = Ipv4Address.parse(a.address()).value();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!c.address().is(address)) return false;
        lastSeen = a.address() + " at " + a.mac();
        lastSeenKo = a.address() + " → " + a.mac();
        if (macs != null && !macs.contains(MacAddress.parse(a.mac()))) return false;
        return occurred(o, language -> language == Language.KO
                ? a.node() + "의 ARP 캐시에 " + a.address() + " → " + a.mac() + " 항목이 "
                        + (a.change() == Change.ADDED ? "추가됨" : "갱신됨") + " (" + a.device() + ")"
                : a.node() + "'s ARP cache " + (a.change() == Change.ADDED ? "added " : "updated ")
                + a.address() + " at " + a.mac() + " on " + a.device());
    }

    private boolean mac(Observation o, TraceEvent.MacTableChanged m, Check.MacEntry c) {
        if (!m.node().equals(c.node()) || !learned(m.change()) || !macs.contains(MacAddress.parse(m.mac()))) {
            return false;
        }
        lastSeen = m.mac() + " on port " + m.port();
        lastSeenKo = m.mac() + " (포트 " + m.port() + ")";
        if (c.port() != null && !c.port().equals(m.port())) return false;
        return occurred(o, language -> language == Language.KO
                ? Korean.subject(m.node()) + " 포트 " + m.port() + "에서 " + Korean.object(m.mac()) + " 학습함"
                : m.node() + " learned " + m.mac() + " on port " + m.port());
    }

    private static boolean learned(Change change) {
        return change == Change.ADDED || change == Change.UPDATED;
    }

    @Override
    String progress(Language language) {
        if (lastSeen == null) return null;
        return language == Language.KO ? "대신 " + lastSeenKo + " 항목이 있었음" : "it held " + lastSeen + " instead";
    }
}
