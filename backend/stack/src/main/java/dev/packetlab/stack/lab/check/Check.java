package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The behaviour check of a lab step, as written under {@code check:} (the reference is the "Checks" section of
 * {@code docs/lab-format.md}). A check is judged over what happened on the simulated network — frames on the wire,
 * sockets, tables, terminal output — never over what the learner typed, so it cannot pass on a run where the
 * behaviour did not happen. {@link CheckParser} builds checks from a lab file; {@link CheckEvaluator} judges them.
 *
 * <p>Every check except the combinations ({@code all}, {@code any}, {@code not}, {@code before}, {@code count}) counts
 * <em>occurrences</em> of something in the trace (a frame, a handshake, a state reached) and passes from its first
 * occurrence on; {@code count} asks for a number of them.
 */
public sealed interface Check {

    /** The check in English, as a report prints it: "a TCP handshake from pc1 to web port 80". */
    default String describe() { return describe(Language.EN); }

    /**
     * The check in {@code language}: "a TCP handshake from pc1 to web port 80", "pc1에서 web 포트 80으로의 TCP
     * 핸드셰이크". The English is what {@link #describe()} gives.
     */
    String describe(Language language);

    /**
     * Whether the check passes on a run in which nothing has happened. A step's check must not (only {@code not}
     * and {@code count} with {@code at-most} can), or it would pass for a learner who did nothing.
     */
    boolean passesOnAnEmptyRun();

    /** Whether the check counts occurrences of something (every check but the combinations), so {@code count} can. */
    default boolean countable() {
        return !(this instanceof All || this instanceof Any || this instanceof Not || this instanceof Before
                || this instanceof Count);
    }

    // ---- what was seen on the wire -------------------------------------------------------------------------

    /** {@code frame: FILTER}: a frame matching the filter was seen. */
    record Frame(FrameFilter filter) implements Check {
        @Override
        public String describe(Language language) { return filter.describe(language); }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /** {@code drop: FILTER + reason/at}: a frame or packet matching the filter was dropped, for that reason, there. */
    record Drop(FrameFilter filter, DropReason reason, String at) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return (at == null ? "" : at + "에서 ") + "버려진 " + filter.describe(language)
                        + (reason == null ? "" : " (" + KoreanWords.reason(reason) + ")");
            }
            return filter.describe() + " dropped" + (at == null ? "" : " at " + at)
                    + (reason == null ? "" : " (" + reason.text() + ")");
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * {@code tcp-handshake}: SYN and SYN+ACK each received by their addressee, then the client's ACK, with matching
     * sequence and acknowledgment numbers (RFC 9293 3.5, figure 6), from {@code client} to {@code server} on the
     * server's {@code port}. Null parts match any.
     */
    record TcpHandshake(Peer client, Peer server, Integer port) implements Check {
        @Override
        public String describe(Language language) {
            return language == Language.KO ? Peer.betweenKo(client, server, port) + "TCP 핸드셰이크"
                    : "a TCP handshake" + Peer.between(client, server, port);
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * {@code tcp-close}: both sides of one connection sent a FIN that the other received and acknowledged (RFC 9293
     * 3.6); {@code first}, when given, is the node whose FIN was sent first (the active closer, who waits in
     * TIME_WAIT).
     */
    record TcpClose(Peer client, Peer server, Integer port, String first) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return "양쪽이 모두 닫은 " + Peer.betweenKo(client, server, port) + "TCP 연결"
                        + (first == null ? "" : ", " + Korean.subject(first) + " 첫 FIN을 보냄");
            }
            return "a TCP connection closed by both sides" + Peer.between(client, server, port)
                    + (first == null ? "" : ", " + first + " sending the first FIN");
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * {@code socket-state}: a socket of {@code node} reached {@code state} (a TCP state of RFC 9293 with
     * {@code TcpState}'s names, or UDP's UNCONN/ESTABLISHED), on local {@code port} and remote {@code remotePort}
     * when given.
     */
    record SocketState(String node, String protocol, Integer port, Integer remotePort, Peer remote, String state)
            implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                List<String> which = new ArrayList<>();
                if (port != null) which.add("포트 " + port);
                if (remote != null) which.add("상대 " + remote.describe());
                if (remotePort != null) which.add("상대 포트 " + remotePort);
                return node + "의 " + (which.isEmpty() ? "" : String.join(", ", which) + "인 ")
                        + protocol.toUpperCase() + " 소켓이 " + state + " 상태가 됨";
            }
            return "a " + protocol.toUpperCase() + " socket of " + node + (port == null ? "" : " on port " + port)
                    + (remote == null ? "" : " connected to " + remote.describe())
                    + (remotePort == null ? "" : " with remote port " + remotePort) + " in state " + state;
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * One of the TCP events Wireshark's analysis names ({@code tcp.analysis.*}): a segment {@code from} one end
     * {@code to} the other, on {@code port} (either end's), that was a retransmission, a zero window, … .
     */
    record TcpEvent(TcpAnalysis.Kind kind, Peer from, Peer to, Integer port) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return (from == null ? "" : from.describe() + "에서 ")
                        + (to == null ? "" : Korean.toward(to.describe()) + " ")
                        + (from == null && to == null ? "" : "가는 ") + (port == null ? "" : "포트 " + port + "의 ")
                        + "TCP " + KoreanWords.kind(kind);
            }
            return "a TCP " + kind.phrase() + (from == null ? "" : " from " + from.describe())
                    + (to == null ? "" : " to " + to.describe()) + (port == null ? "" : " on port " + port);
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * {@code tcp-variable}: a TCP connection of {@code node} (on local or remote {@code port}) had the variable in
     * the range {@code [atLeast, atMost]} (either may be null) at some moment; times are nanoseconds.
     */
    record TcpVariable(String node, Integer port, TcpVariableName variable, Long atLeast, Long atMost)
            implements Check {
        @Override
        public String describe(Language language) {
            boolean exact = atLeast != null && atMost != null && atLeast.equals(atMost);
            if (language == Language.KO) {
                String connection = node + "의 " + (port == null ? "" : "포트 " + port + " ") + "TCP 연결";
                String word = KoreanWords.variable(variable);
                if (atLeast == null && atMost == null) return connection + "의 " + word;
                String range = exact ? variable.format(atLeast, language)
                        : (atLeast == null ? "" : variable.format(atLeast, language) + " 이상")
                        + (atLeast != null && atMost != null ? " " : "")
                        + (atMost == null ? "" : variable.format(atMost, language) + " 이하");
                return connection + "에서 " + Korean.subject(word) + " " + range + "인 순간";
            }
            String range = exact ? " equal to " + variable.format(atLeast)
                    : (atLeast == null ? "" : " at least " + variable.format(atLeast))
                    + (atLeast != null && atMost != null ? " and" : "")
                    + (atMost == null ? "" : " at most " + variable.format(atMost));
            return variable.word() + " of a TCP connection of " + node + (port == null ? "" : " on port " + port)
                    + range;
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    // ---- tables --------------------------------------------------------------------------------------------

    /**
     * {@code arp-entry}: {@code node}'s ARP cache held {@code address} resolved (to {@code mac}, or to
     * {@code macOf}'s MAC address, when given).
     */
    record ArpEntry(String node, Peer address, MacAddress mac, String macOf) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return node + "의 ARP 캐시에 든 " + address.describe()
                        + (mac != null ? " → " + mac : macOf != null ? " → " + macOf + "의 MAC 주소" : "") + " 항목";
            }
            return node + "'s ARP cache holding " + address.describe()
                    + (mac != null ? " at " + mac : macOf != null ? " at " + macOf + "'s MAC address" : "");
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /**
     * {@code mac-entry}: the switch {@code node} learned {@code mac} (or a MAC address of {@code macOf}), on
     * {@code port} when given.
     */
    record MacEntry(String node, MacAddress mac, String macOf, String port) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return node + "의 MAC 테이블에 든 " + (mac != null ? mac.toString() : macOf + "의 MAC 주소")
                        + (port == null ? "" : " (포트 " + port + ")") + " 항목";
            }
            return node + "'s MAC table holding " + (mac != null ? mac.toString() : macOf + "'s MAC address")
                    + (port == null ? "" : " on port " + port);
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    // ---- terminals -----------------------------------------------------------------------------------------

    /**
     * {@code output}: a line printed on {@code node}'s terminal (not the echo of a command line) contains the text
     * or matches the regular expression; with {@code command}, only lines printed while the last command line
     * started on the node ran that program.
     */
    record Output(String node, String command, String contains, Pattern matches) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) {
                return (command == null ? Korean.subject(node) : node + "에서 " + Korean.subject(command)) + " 출력한 "
                        + (contains != null ? Korean.object("\"" + contains + "\"") + " 포함한"
                        : "/" + matches.pattern() + "/에 맞는") + " 줄";
            }
            return (command == null ? node : command + " on " + node) + " printing a line "
                    + (contains != null ? "containing \"" + contains + "\"" : "matching /" + matches.pattern() + "/");
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    // ---- counting, order and combinations ------------------------------------------------------------------

    /** {@code count}: how many times the counted check occurred is within {@code [atLeast, atMost]}. */
    record Count(Check counted, long atLeast, long atMost) implements Check {
        @Override
        public String describe(Language language) {
            if (language == Language.KO) return counted.describe(language) + ", " + times(atLeast, atMost);
            String n = atLeast == atMost ? "exactly " + atLeast
                    : atMost == Long.MAX_VALUE ? "at least " + atLeast
                    : atLeast == 0 ? "at most " + atMost : atLeast + " to " + atMost;
            return n + " × " + counted.describe();
        }

        /** "정확히 3번", "1번 이상", "2번 이하", "1~3번": how many times, in Korean. */
        static String times(long atLeast, long atMost) {
            return atLeast == atMost ? "정확히 " + atLeast + "번"
                    : atMost == Long.MAX_VALUE ? atLeast + "번 이상"
                    : atLeast == 0 ? atMost + "번 이하" : atLeast + "~" + atMost + "번";
        }

        @Override
        public boolean passesOnAnEmptyRun() { return atLeast == 0; }
    }

    /** {@code before}: each check first passed strictly before the next one did. */
    record Before(List<Check> order) implements Check {
        @Override
        public String describe(Language language) {
            return String.join(language == Language.KO ? ", 그다음 " : ", then ",
                    order.stream().map(c -> c.describe(language)).toList());
        }

        @Override
        public boolean passesOnAnEmptyRun() { return false; }
    }

    /** {@code all}: every check passes. */
    record All(List<Check> checks) implements Check {
        @Override
        public String describe(Language language) {
            return (language == Language.KO ? "모두: " : "all of: ")
                    + String.join("; ", checks.stream().map(c -> c.describe(language)).toList());
        }

        @Override
        public boolean passesOnAnEmptyRun() { return checks.stream().allMatch(Check::passesOnAnEmptyRun); }
    }

    /** {@code any}: at least one of the checks passes. */
    record Any(List<Check> checks) implements Check {
        @Override
        public String describe(Language language) {
            return (language == Language.KO ? "다음 중 하나: " : "any of: ")
                    + String.join("; ", checks.stream().map(c -> c.describe(language)).toList());
        }

        @Override
        public boolean passesOnAnEmptyRun() { return checks.stream().anyMatch(Check::passesOnAnEmptyRun); }
    }

    /** {@code not}: the check does not pass. */
    record Not(Check check) implements Check {
        @Override
        public String describe(Language language) {
            return (language == Language.KO ? "일어나지 않아야 할 것: " : "not ") + check.describe(language);
        }

        @Override
        public boolean passesOnAnEmptyRun() { return !check.passesOnAnEmptyRun(); }
    }
}
