package dev.packetlab.stack.app;

import dev.packetlab.stack.sim.SimTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes one line per frame as tcpdump 4.99 does without {@code -v}: the same fields in the same order, the same
 * words for damage ({@code [|tcp]} when a header is cut short, {@code [bad hdr length …]}, {@code [bad opt]}), so
 * that what a learner reads here is what a real capture shows. The code follows tcpdump's printers
 * ({@code print-ether.c}, {@code print-ip.c}, {@code print-tcp.c}, {@code print-udp.c}, {@code print-icmp.c},
 * {@code print-arp.c}) branch for branch, including their bounds: a read past the bytes captured, or past the
 * end the IP header gives, ends the line with {@code [|protocol]}, where tcpdump's {@code longjmp} would.
 *
 * <p>Of application payloads only HTTP's first line is decoded (ports 80 and 8080, as tcpdump does); DNS and the
 * rest of tcpdump's application printers are not, so a datagram to port 53 shows as {@code UDP, length N}. Not
 * decoded either: IPv6 and other EtherTypes (printed with a hex dump, as tcpdump prints a type it does not know),
 * and IP protocols other than ICMP, TCP and UDP ({@code ip-proto-N LENGTH}).
 *
 * <p>TCP sequence numbers are relative, as tcpdump's are unless {@code -S}: the first segment of a connection that
 * carries ACK (the SYN-ACK, when the capture saw the handshake) records both initial sequence numbers and prints
 * absolute values; every later segment of that connection prints its numbers less those, so data starts at 1.
 * A new SYN-ACK starts the connection over. The state lives as long as this printer, one per tcpdump run.
 */
final class TcpdumpPrinter {
    private static final int ETHER_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int MAX_ETHERNET_LENGTH = 1500;

    private final boolean linkHeader;
    private final boolean absoluteSequence;
    private final boolean numeric;
    private final Map<Conversation, long[]> conversations = new HashMap<>();

    /**
     * @param linkHeader       {@code -e}: print the Ethernet header first
     * @param absoluteSequence {@code -S}: print TCP sequence numbers as they are
     * @param numeric          {@code -n}: protocol numbers instead of /etc/protocols names (addresses and ports are
     *                         numbers either way: the lab has no resolver)
     */
    TcpdumpPrinter(boolean linkHeader, boolean absoluteSequence, boolean numeric) {
        this.linkHeader = linkHeader;
        this.absoluteSequence = absoluteSequence;
        this.numeric = numeric;
    }

    /** The line for the {@code length} captured bytes of {@code frame}, seen at simulated time {@code time}. */
    String line(long time, byte[] frame, int length) {
        Packet p = new Packet(frame, Math.min(length, frame.length));
        p.out.append(timeOfDay(time)).append(' ');
        try {
            ether(p);
        } catch (Truncated t) {
            p.trunc();
        }
        return p.out.toString();
    }

    /** tcpdump's default time stamp, {@code HH:MM:SS.uuuuuu}: simulated time taken as the time of day, from midnight. */
    static String timeOfDay(long time) {
        long micros = time / 1000;
        long seconds = time / SimTime.SECOND;
        return String.format("%02d:%02d:%02d.%06d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60, micros % 1_000_000);
    }

    private void ether(Packet p) {
        p.protocol = "ether";
        int length = p.snapend;
        if (length < ETHER_HEADER) {
            p.trunc();
            return;
        }
        String addresses = mac(p, 6) + " > " + mac(p, 0) + ", ";
        if (linkHeader) p.out.append(addresses);
        int type = p.u16(12);
        if (type <= MAX_ETHERNET_LENGTH) {
            // an IEEE 802.3 length field: LLC follows, which PacketLab's links never carry; shown raw
            if (!linkHeader) p.out.append(addresses);
            p.out.append("802.3, length ").append(Math.min(type, length - ETHER_HEADER)).append(": ");
            hexDump(p, ETHER_HEADER, length - ETHER_HEADER);
            return;
        }
        if (linkHeader) p.out.append(etherType(type)).append(", length ").append(length).append(": ");
        switch (type) {
            case ETHERTYPE_IPV4 -> ip(p, ETHER_HEADER, length - ETHER_HEADER);
            case ETHERTYPE_ARP -> arp(p, ETHER_HEADER, length - ETHER_HEADER);
            default -> {
                if (!linkHeader) p.out.append(addresses).append(etherType(type)).append(", length ").append(length).append(": ");
                hexDump(p, ETHER_HEADER, length - ETHER_HEADER);
            }
        }
    }

    private static String etherType(int type) {
        String name = switch (type) {
            case ETHERTYPE_IPV4 -> "IPv4";
            case ETHERTYPE_ARP -> "ARP";
            case 0x8035 -> "Reverse ARP";
            case 0x8100 -> "802.1Q";
            case 0x86dd -> "IPv6";
            case 0x88a8 -> "802.1Q-QinQ";
            case 0x88cc -> "LLDP";
            default -> "Unknown";
        };
        return String.format("ethertype %s (0x%04x)", name, type);
    }

    /** {@code ip_print}: RFC 791 header checks, then the transport, or the protocol alone for a later fragment. */
    private void ip(Packet p, int at, int length) {
        p.protocol = "ip";
        int version = p.u8(at) >>> 4;
        if (version != 4) {
            p.out.append(version == 6 ? "IP6, wrong link-layer encapsulation" : "IP" + version).append(" (invalid)");
            return;
        }
        if (!linkHeader) p.out.append("IP ");
        p.check(at, 20);
        if (length < 20) {
            p.out.append("truncated-ip ").append(length);
            return;
        }
        int hlen = (p.u8(at) & 0x0f) * 4;
        if (hlen < 20) {
            p.out.append("bad-hlen ").append(hlen);
            return;
        }
        int len = p.u16(at + 2);
        if (length < len) p.out.append("truncated-ip - ").append(len - length).append(" bytes missing! ");
        if (len < hlen) {
            p.out.append("bad-len ").append(len);
            return;
        }
        p.snapend = Math.min(p.snapend, at + len); // nothing after the IP total length (Ethernet padding) is read
        len -= hlen;
        int fragment = p.u16(at + 6);
        int protocol = p.u8(at + 9);
        String src = ipv4(p, at + 12);
        String dst = ipv4(p, at + 16);
        if ((fragment & 0x1fff) == 0) {
            boolean ports = protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33;
            if (!ports) p.out.append(src).append(" > ").append(dst).append(": ");
            if (!p.has(at, hlen)) {
                p.out.append(" [remaining caplen(").append(p.available(at)).append(") < header length(").append(hlen).append(")]");
                throw Truncated.INSTANCE;
            }
            boolean fragmented = (fragment & 0x2000) != 0;
            switch (protocol) {
                case 1 -> icmp(p, at + hlen, len, at);
                case 6 -> tcp(p, at + hlen, len, at);
                case 17 -> udp(p, at + hlen, len, at, fragmented);
                default -> p.out.append(' ').append(protocolName(protocol, false)).append(' ').append(len);
            }
        } else {
            // a later fragment: no transport header to read, only who it is from and what it carries
            p.out.append(src).append(" > ").append(dst).append(": ").append(protocolName(protocol, !numeric));
        }
    }

    /** Without {@code -n}, tcpdump names a protocol from /etc/protocols; with it, or for an unnamed one, {@code ip-proto-N}. */
    private static String protocolName(int protocol, boolean named) {
        if (named) {
            switch (protocol) {
                case 1: return "icmp";
                case 6: return "tcp";
                case 17: return "udp";
                default: break;
            }
        }
        return "ip-proto-" + protocol;
    }

    /** {@code tcp_print}, RFC 9293 3.1: ports, flags, sequence space, window, options and data length. */
    private void tcp(Packet p, int at, int length, int ipAt) {
        p.protocol = "tcp";
        String src = ipv4(p, ipAt + 12);
        String dst = ipv4(p, ipAt + 16);
        if (!p.has(at + 2, 2)) {
            p.out.append(src).append(" > ").append(dst).append(':');
            throw Truncated.INSTANCE;
        }
        int sport = p.u16(at);
        int dport = p.u16(at + 2);
        p.out.append(src).append('.').append(sport).append(" > ").append(dst).append('.').append(dport).append(": ");
        p.check(at, 20);
        int hlen = (p.u8(at + 12) >>> 4) * 4;
        if (hlen < 20) {
            p.out.append(" tcp ").append(Integer.toUnsignedString(length - hlen)).append(" [bad hdr length ").append(hlen)
                    .append(" - too short, < 20]");
            return;
        }
        long seq = p.u32(at + 4);
        long ack = p.u32(at + 8);
        int win = p.u16(at + 14);
        int urp = p.u16(at + 18);
        int flags = p.u8(at + 13);
        p.out.append("Flags [").append(flagLetters(flags)).append(']');
        boolean rev = false;
        long thseq = 0;
        long thack = 0;
        if (!absoluteSequence && (flags & ACK) != 0) {
            // tcpdump's one entry for both directions: the lower port (or address, when the ports are equal) first
            rev = sport > dport || sport == dport && Integer.compareUnsigned(p.i32(ipAt + 12), p.i32(ipAt + 16)) > 0;
            Conversation key = rev ? new Conversation(p.i32(ipAt + 16), p.i32(ipAt + 12), dport << 16 | sport)
                    : new Conversation(p.i32(ipAt + 12), p.i32(ipAt + 16), sport << 16 | dport);
            long[] isn = conversations.get(key);
            if (isn == null || (flags & SYN) != 0) {
                isn = rev ? new long[] {(ack - 1) & MOD, seq} : new long[] {seq, (ack - 1) & MOD};
                conversations.put(key, isn);
            } else if (rev) {
                seq = (seq - isn[1]) & MOD;
                ack = (ack - isn[0]) & MOD;
            } else {
                seq = (seq - isn[0]) & MOD;
                ack = (ack - isn[1]) & MOD;
            }
            thseq = isn[0];
            thack = isn[1];
        }
        if (hlen > length) {
            p.out.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(length).append(']');
            return;
        }
        length -= hlen;
        if (length > 0 || (flags & (SYN | FIN | RST)) != 0) {
            p.out.append(", seq ").append(seq);
            if (length > 0) p.out.append(':').append((seq + length) & MOD);
        }
        if ((flags & ACK) != 0) p.out.append(", ack ").append(ack);
        p.out.append(", win ").append(win);
        if ((flags & URG) != 0) p.out.append(", urg ").append(urp);
        if (hlen > 20 && !tcpOptions(p, at + 20, hlen - 20, rev, thseq, thack)) return;
        p.out.append(", length ").append(length);
        if (length == 0) return;
        if (!p.has(at, hlen)) {
            p.out.append(" [remaining caplen(").append(p.available(at)).append(") < header length(").append(hlen).append(")]");
            throw Truncated.INSTANCE;
        }
        if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080) {
            p.out.append(": ");
            http(p, at + hlen, length);
        }
    }

    /** HTTP's request methods, as tcpdump's {@code print-http.c} knows them (RFC 9110 9 and WebDAV's). */
    private static final Set<String> HTTP_METHODS = Set.of("GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST",
            "BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE",
            "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE",
            "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE",
            "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL");

    /**
     * tcpdump's {@code http_print} on ports 80 and 8080: {@code HTTP}, then the first line of a segment that starts
     * a request (a known method) or a response (a three-digit status code as the second word), RFC 9112 3 and 4.
     */
    private static void http(Packet p, int at, int length) {
        p.protocol = "http";
        boolean startsMessage = false;
        StringBuilder token = new StringBuilder();
        int next = httpToken(p, at, 0, length, token);
        if (next != 0) {
            startsMessage = HTTP_METHODS.contains(token.toString().toUpperCase(java.util.Locale.ROOT));
            token.setLength(0);
            next = httpToken(p, at, next, length, token);
            if (next != 0 && token.length() == 3 && token.chars().allMatch(c -> c >= '0' && c <= '9')) startsMessage = true;
        }
        p.out.append("HTTP");
        if (!startsMessage) return;
        for (int i = 0; i < length; i++) {
            int c = p.u8(at + i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && (i + 1 >= length || p.u8(at + i + 1) != '\n')) return; // a lone CR: binary, or not here
                p.out.append(": ").append(ascii(p, at, i));
                return;
            }
            if ((c < 0x20 || c > 0x7e) && c != '\t') return;
        }
        p.out.append(": ").append(ascii(p, at, length));
        p.trunc(); // printable to the end, but no end of line: the line goes on in the next segment
    }

    /** {@code fetch_token}: the word at {@code idx} into {@code token}; the index after it and its blanks, or 0. */
    private static int httpToken(Packet p, int at, int idx, int length, StringBuilder token) {
        for (; idx < length; idx++) {
            if (!p.has(at + idx, 1)) return 0;
            int c = p.u8(at + idx);
            if (c >= 0x80) return 0;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
            if (c < 0x20 || c > 0x7e || token.length() + 2 > 129) return 0;
            token.append((char) c);
        }
        if (token.isEmpty()) return 0;
        for (; idx < length && p.has(at + idx, 1); idx++) {
            int c = p.u8(at + idx);
            if (c == '\r' || c == '\n' || c < 0x20 || c > 0x7e || c != ' ' && c != '\t') break;
        }
        return idx;
    }

    private static String ascii(Packet p, int at, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append((char) p.u8(at + i));
        return s.toString();
    }

    private static final long MOD = 0xffff_ffffL;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;
    private static final int URG = 0x20;
    /** tcpdump's letters, in its order: FIN, SYN, RST, PSH, ACK, URG, ECE, CWR. */
    private static final String FLAG_LETTERS = "FSRP.UEW";

    private static String flagLetters(int flags) {
        if (flags == 0) return "none";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) if ((flags & (1 << i)) != 0) s.append(FLAG_LETTERS.charAt(i));
        return s.toString();
    }

    /**
     * The options list, {@code [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7]}, walked as RFC 9293 3.2 lays it out:
     * End of Option List ends it, No-Operation is one byte, every other kind has a length. Returns false when the
     * line ends here ({@code [bad opt]}, a cut-off header), as tcpdump returns.
     */
    private boolean tcpOptions(Packet p, int cp, int hlen, boolean rev, long thseq, long thack) {
        StringBuilder out = p.out;
        out.append(", options [");
        char separator = 0;
        while (hlen > 0) {
            if (separator != 0) out.append(separator);
            int opt = p.u8(cp++);
            int len;
            if (opt == 0 || opt == 1) {
                len = 1;
            } else {
                len = p.u8(cp++);
                if (len < 2 || len > hlen) return badOption(out, separator);
                hlen--;
            }
            hlen--;
            int datalen = 0;
            out.append(optionName(opt));
            switch (opt) {
                case 0, 1, 4 -> { }
                case 2 -> {
                    datalen = 2;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(' ').append(p.u16(cp));
                }
                case 3 -> {
                    datalen = 1;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(' ').append(p.u8(cp));
                }
                case 5 -> {
                    datalen = len - 2;
                    if (datalen % 8 != 0) {
                        out.append(" invalid sack");
                    } else {
                        out.append(' ').append(datalen / 8).append(' ');
                        for (int i = 0; i < datalen; i += 8) {
                            if (i + 8 > hlen) return badOption(out, separator);
                            if (!p.has(cp + i, 8)) return truncatedOption(out, separator);
                            long s = p.u32(cp + i);
                            long e = p.u32(cp + i + 4);
                            long base = rev ? thseq : thack;
                            out.append('{').append((s - base) & MOD).append(':').append((e - base) & MOD).append('}');
                        }
                    }
                }
                case 6, 7, 11, 12, 13 -> {
                    datalen = 4;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(' ').append(p.u32(cp));
                }
                case 8 -> {
                    datalen = 8;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(" val ").append(p.u32(cp)).append(" ecr ").append(p.u32(cp + 4));
                }
                case 19 -> {
                    datalen = 16;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(" can't check - "); // a signature needs the shared secret (tcpdump -M) to be checked
                    for (int i = 0; i < datalen; i++) out.append(String.format("%02x", p.u8(cp + i)));
                }
                case 20 -> {
                    datalen = 2;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    out.append(String.format(" cap %02x id %d", p.u8(cp), p.u8(cp + 1)));
                }
                case 29 -> {
                    datalen = len - 2;
                    if (datalen < 2) {
                        out.append(" (invalid)");
                    } else {
                        for (int i = 0; i < datalen; i++) {
                            if (i + 1 > hlen) return badOption(out, separator);
                            if (!p.has(cp + i, 1)) return truncatedOption(out, separator);
                            if (i == 0) out.append(" keyid ").append(p.u8(cp));
                            else if (i == 1) out.append(" rnextkeyid ").append(p.u8(cp + 1));
                            else out.append(i == 2 ? " mac 0x" : "").append(String.format("%02x", p.u8(cp + i)));
                        }
                    }
                }
                case 28 -> {
                    datalen = 2;
                    if (datalen > hlen) return badOption(out, separator);
                    if (!p.has(cp, datalen)) return truncatedOption(out, separator);
                    int timeout = p.u16(cp);
                    out.append(" 0x").append(Integer.toHexString(timeout)).append(' ')
                            .append((timeout & 1) != 0 ? (timeout >>> 1) * 60 : timeout >>> 1);
                }
                default -> {
                    datalen = len - 2;
                    if (datalen > 0) out.append(" 0x");
                    for (int i = 0; i < datalen; i++) {
                        if (i + 1 > hlen) return badOption(out, separator);
                        if (!p.has(cp + i, 1)) return truncatedOption(out, separator);
                        out.append(String.format("%02x", p.u8(cp + i)));
                    }
                }
            }
            cp += datalen;
            hlen -= datalen;
            if (datalen + (opt == 0 || opt == 1 ? 1 : 2) != len) out.append("[len ").append(len).append(']');
            separator = ',';
            if (opt == 0) break;
        }
        out.append(']');
        return true;
    }

    private static boolean badOption(StringBuilder out, char separator) {
        out.append("[bad opt]");
        if (separator != 0) out.append(']');
        return false;
    }

    private static boolean truncatedOption(StringBuilder out, char separator) {
        out.append(" [|tcp]");
        if (separator != 0) out.append('>');
        return false;
    }

    private static String optionName(int kind) {
        return switch (kind) {
            case 0 -> "eol";
            case 1 -> "nop";
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 6 -> "echo";
            case 7 -> "echoreply";
            case 8 -> "TS";
            case 11 -> "cc";
            case 12 -> "ccnew";
            case 13 -> "ccecho";
            case 19 -> "md5";
            case 20 -> "scps";
            case 28 -> "uto";
            case 29 -> "tcp-ao";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            case 254 -> "exp";
            default -> "unknown-" + kind;
        };
    }

    /** {@code udp_print}, RFC 768: ports and the data length the UDP header gives. */
    private void udp(Packet p, int at, int length, int ipAt, boolean fragmented) {
        p.protocol = "udp";
        String src = ipv4(p, ipAt + 12);
        String dst = ipv4(p, ipAt + 16);
        if (!p.has(at + 2, 2)) {
            p.out.append(src).append(" > ").append(dst).append(": ");
            throw Truncated.INSTANCE;
        }
        String addresses = src + "." + p.u16(at) + " > " + dst + "." + p.u16(at + 2) + ": ";
        if (length < 8) {
            p.out.append(addresses).append("truncated-udp ").append(length);
            return;
        }
        if (!p.has(at + 4, 2)) {
            p.out.append(addresses);
            throw Truncated.INSTANCE;
        }
        int ulen = p.u16(at + 4);
        if (ulen < 8) {
            p.out.append(addresses).append("truncated-udplength ").append(ulen);
            return;
        }
        ulen -= 8;
        length -= 8;
        if (ulen < length) length = ulen;
        p.out.append(addresses);
        if (at + 8 > p.snapend) throw Truncated.INSTANCE;
        if (ulen > length && !fragmented) p.out.append("UDP, bad length ").append(ulen).append(" > ").append(length);
        else p.out.append("UDP, length ").append(ulen);
    }

    /** {@code icmp_print}, RFC 792: the message in words, then the ICMP length. */
    private void icmp(Packet p, int at, int length, int ipAt) {
        p.protocol = "icmp";
        int type = p.u8(at);
        int code = p.u8(at + 1);
        String quotedDst = null;
        String text = switch (type) {
            case 0, 8 -> "echo " + (type == 8 ? "request" : "reply") + ", id " + p.u16(at + 4) + ", seq " + p.u16(at + 6);
            case 3 -> unreachable(p, at, code);
            case 5 -> {
                quotedDst = ipv4(p, at + 24);
                String gateway = ipv4(p, at + 4);
                yield switch (code) {
                    case 0 -> "redirect " + quotedDst + " to net " + gateway;
                    case 1 -> "redirect " + quotedDst + " to host " + gateway;
                    case 2 -> "redirect-tos " + quotedDst + " to net " + gateway;
                    case 3 -> "redirect-tos " + quotedDst + " to host " + gateway;
                    default -> "redirect-#" + code + " " + quotedDst + " to " + gateway;
                };
            }
            case 9 -> routerAdvertisement(p, at);
            case 11 -> {
                p.check(at + 24, 4);
                yield switch (code) {
                    case 0 -> "time exceeded in-transit";
                    case 1 -> "ip reassembly time exceeded";
                    default -> "time exceeded-#" + code;
                };
            }
            case 12 -> code != 0 ? "parameter problem - code " + code : "parameter problem - octet " + p.u8(at + 4);
            case 13 -> "time stamp query id " + p.u16(at + 4) + " seq " + p.u16(at + 6);
            case 14 -> {
                p.check(at + 16, 4);
                yield "time stamp reply id " + p.u16(at + 4) + " seq " + p.u16(at + 6) + ": org " + milliTime(p.u32(at + 8))
                        + ", recv " + milliTime(p.u32(at + 12)) + ", xmit " + milliTime(p.u32(at + 16));
            }
            case 18 -> String.format("address mask is 0x%08x", p.u32(at + 8));
            case 4 -> "source quench";
            case 10 -> "router solicitation";
            case 15 -> "information request";
            case 16 -> "information reply";
            case 17 -> "address mask request";
            default -> "type-#" + type;
        };
        p.out.append("ICMP ").append(text).append(", length ").append(length);
    }

    /** Destination unreachable (RFC 792, RFC 1122 3.2.2.1, RFC 1812 5.2.7.1), naming the quoted destination. */
    private static String unreachable(Packet p, int at, int code) {
        if (code == 3) {
            p.check(at + 8 + 9, 1);
            int quotedHeader = (p.u8(at + 8) & 0x0f) * 4;
            int port = p.u16(at + 8 + quotedHeader + 2);
            int protocol = p.u8(at + 8 + 9);
            String dst = ipv4(p, at + 8 + 16);
            return switch (protocol) {
                case 6 -> dst + " tcp port " + port + " unreachable";
                case 17 -> dst + " udp port " + port + " unreachable";
                default -> dst + " protocol " + protocol + " port " + port + " unreachable";
            };
        }
        if (code == 4) {
            int mtu = p.u16(at + 6);
            String dst = ipv4(p, at + 24);
            return dst + " unreachable - need to frag" + (mtu != 0 ? " (mtu " + mtu + ")" : "");
        }
        String dst = ipv4(p, at + 24);
        return switch (code) {
            case 0 -> "net " + dst + " unreachable";
            case 1 -> "host " + dst + " unreachable";
            case 2 -> dst + " protocol " + p.u8(at + 8 + 9) + " unreachable";
            case 5 -> dst + " unreachable - source route failed";
            case 6 -> "net " + dst + " unreachable - unknown";
            case 7 -> "host " + dst + " unreachable - unknown";
            case 8 -> dst + " unreachable - source host isolated";
            case 9 -> "net " + dst + " unreachable - admin prohibited";
            case 10 -> "host " + dst + " unreachable - admin prohibited";
            case 11 -> "net " + dst + " unreachable - tos prohibited";
            case 12 -> "host " + dst + " unreachable - tos prohibited";
            case 13 -> "host " + dst + " unreachable - admin prohibited filter";
            case 14 -> "host " + dst + " unreachable - host precedence violation";
            case 15 -> "host " + dst + " unreachable - precedence cutoff";
            default -> dst + " unreachable - #" + code;
        };
    }

    /** RFC 1256 router advertisement: lifetime, then each address with its preference. */
    private static String routerAdvertisement(Packet p, int at) {
        p.check(at + 4, 4);
        StringBuilder s = new StringBuilder("router advertisement lifetime ");
        int lifetime = p.u16(at + 6);
        if (lifetime < 60) s.append(lifetime);
        else if (lifetime < 3600) s.append(String.format("%d:%02d", lifetime / 60, lifetime % 60));
        else s.append(String.format("%d:%02d:%02d", lifetime / 3600, lifetime % 3600 / 60, lifetime % 60));
        int count = p.u8(at + 4);
        s.append(' ').append(count).append(':');
        int size = p.u8(at + 5);
        if (size != 2) return s.append(" [size ").append(size).append(']').toString();
        for (int i = 0, entry = at + 8; i < count; i++, entry += 8) {
            p.check(entry, 8);
            s.append(" {").append(ipv4(p, entry)).append(' ').append(p.u32(entry + 4)).append('}');
        }
        return s.toString();
    }

    private static String milliTime(long millis) {
        long ms = millis % 1000;
        long s = millis / 1000;
        long m = s / 60;
        s -= m * 60;
        long h = m / 60;
        m -= h * 60;
        return String.format("%02d:%02d:%02d.%03d", h, m, s, ms);
    }

    /** {@code arp_print}, RFC 826: who-has and is-at for Ethernet/IPv4, the sizes for anything else. */
    private void arp(Packet p, int at, int length) {
        p.protocol = "arp";
        p.check(at, 8);
        int hardware = p.u16(at);
        int protocol = p.u16(at + 2);
        int hln = p.u8(at + 4);
        int pln = p.u8(at + 5);
        int op = p.u16(at + 6);
        int sha = at + 8;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;
        p.check(tpa, pln);
        if (!linkHeader) p.out.append("ARP, ");
        boolean ipv4 = protocol == ETHERTYPE_IPV4 || protocol == 0x1000;
        if (!ipv4 || pln != 4 || hln == 0) {
            p.out.append(hardware == 1 ? "Ethernet" : "Unknown Hardware (" + hardware + ")").append(" (len ").append(hln)
                    .append("), ").append(protocol == ETHERTYPE_IPV4 ? "IPv4" : String.format("Unknown Protocol (0x%04x)", protocol))
                    .append(" (len ").append(pln).append(')');
        } else {
            p.out.append(switch (op) {
                case 1 -> "Request";
                case 2 -> "Reply";
                case 3 -> "Reverse Request";
                case 4 -> "Reverse Reply";
                case 8 -> "Inverse Request";
                case 9 -> "Inverse Reply";
                case 10 -> "NACK Reply";
                default -> "Unknown (" + op + ")";
            }).append(' ');
            switch (op) {
                case 1 -> {
                    p.out.append("who-has ").append(ipv4(p, tpa));
                    if (nonZero(p, tha, hln)) p.out.append(" (").append(linkAddress(p, tha, hln)).append(')');
                    p.out.append(" tell ").append(ipv4(p, spa));
                }
                case 2 -> p.out.append(ipv4(p, spa)).append(" is-at ").append(linkAddress(p, sha, hln));
                case 3, 8 -> p.out.append("who-is ").append(linkAddress(p, tha, hln)).append(" tell ").append(linkAddress(p, sha, hln));
                case 4 -> p.out.append(linkAddress(p, tha, hln)).append(" at ").append(ipv4(p, tpa));
                case 9 -> p.out.append(linkAddress(p, sha, hln)).append(" at ").append(ipv4(p, spa));
                default -> {
                    hexDump(p, at, p.snapend - at);
                    return;
                }
            }
        }
        p.out.append(", length ").append(length);
    }

    private static boolean nonZero(Packet p, int at, int length) {
        for (int i = 0; i < length; i++) if (p.u8(at + i) != 0) return true;
        return false;
    }

    /** A hardware address: a MAC address for 6 bytes, otherwise the bytes in hex joined by colons. */
    private static String linkAddress(Packet p, int at, int length) {
        if (length == 6) return mac(p, at);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(i == 0 ? "" : ":").append(String.format("%02x", p.u8(at + i)));
        return s.toString();
    }

    private static String mac(Packet p, int at) {
        p.check(at, 6);
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", p.u8(at), p.u8(at + 1), p.u8(at + 2), p.u8(at + 3),
                p.u8(at + 4), p.u8(at + 5));
    }

    private static String ipv4(Packet p, int at) {
        p.check(at, 4);
        return p.u8(at) + "." + p.u8(at + 1) + "." + p.u8(at + 2) + "." + p.u8(at + 3);
    }

    /**
     * {@code hex_and_ascii_print}: what tcpdump shows for a payload it cannot decode, sixteen bytes a line as
     * {@code 0x0000:  0001 0800 0604 0001 0200 0000 0001 0a00  ................}.
     */
    private static void hexDump(Packet p, int at, int length) {
        int captured = Math.max(0, p.snapend - at);
        boolean truncated = length > captured;
        if (truncated) length = captured;
        for (int line = 0; line < length; line += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            int end = Math.min(length, line + 16);
            for (int i = line; i < end; i++) {
                int b = p.u8(at + i);
                hex.append((i - line) % 2 == 0 ? " " : "").append(String.format("%02x", b));
                ascii.append(b > 0x20 && b < 0x7f ? (char) b : '.');
            }
            p.out.append(String.format("\n\t0x%04x: %-40s  %s", line, hex, ascii));
        }
        if (truncated) throw Truncated.INSTANCE;
    }

    /** The bytes being printed, the end of what may be read, and the protocol a cut-off line blames. */
    private static final class Packet {
        final byte[] b;
        final StringBuilder out = new StringBuilder();
        int snapend;
        String protocol = "";

        Packet(byte[] b, int length) {
            this.b = b;
            this.snapend = length;
        }

        boolean has(int at, int n) { return at >= 0 && n >= 0 && at + n <= snapend; }

        int available(int at) { return Math.max(0, snapend - at); }

        /** tcpdump's {@code ND_TCHECK}: a header that runs past what was captured ends the line. */
        void check(int at, int n) {
            if (!has(at, n)) throw Truncated.INSTANCE;
        }

        int u8(int at) {
            check(at, 1);
            return b[at] & 0xff;
        }

        int u16(int at) {
            check(at, 2);
            return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
        }

        int i32(int at) {
            check(at, 4);
            return u16(at) << 16 | u16(at + 2);
        }

        long u32(int at) { return i32(at) & MOD; }

        void trunc() { out.append(" [|").append(protocol).append(']'); }
    }

    /** One TCP connection, both directions under one key as tcpdump keys them. */
    private record Conversation(int source, int destination, int ports) {}

    /** A read past the captured bytes: tcpdump's {@code longjmp} to print {@code [|protocol]}. */
    private static final class Truncated extends RuntimeException {
        static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super(null, null, false, false);
        }
    }
}
