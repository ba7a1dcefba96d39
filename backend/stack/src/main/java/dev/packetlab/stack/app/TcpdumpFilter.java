package dev.packetlab.stack.app;

import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * tcpdump's filter expression: the part of pcap-filter(7) a learner needs, with its meaning and its surprises.
 *
 * <pre>
 * expression := term { ("and" | "&&" | "or" | "||") term }     and/or: equal precedence, left to right
 * term       := ("not" | "!") term | "(" expression ")" | primitive | ID
 * primitive  := PROTO | [PROTO] [DIR] TYPE ID | [PROTO] DIR ID | "ether" [DIR] ["host"] MAC
 * PROTO      := ip | arp | tcp | udp | icmp        DIR := src | dst        TYPE := host | net | port
 * </pre>
 *
 * As in pcap-filter, {@code and} and {@code or} bind equally tightly ({@code a or b and c} is
 * {@code (a or b) and c}), {@code not} binds tighter; a bare ID repeats the qualifiers of the ID before it
 * ({@code port 80 or 443}, {@code host 10.0.0.1 or 10.0.0.2}), or means {@code host ID} when none came before.
 * {@code host} without a protocol matches IPv4 source or destination and ARP sender or target (pcap's
 * {@code ip host or arp host or rarp host}); {@code port} matches TCP, UDP or SCTP ports of the first fragment only,
 * since later fragments carry no ports. {@code net} takes a prefix ({@code 10.0.0.0/8}) or one to four octets
 * ({@code 10.1} is {@code 10.1.0.0/16}).
 *
 * <p>Matching follows the BPF program libpcap would compile: a check that reads past the end of the captured
 * bytes rejects the frame outright, whatever {@code not} or {@code or} surround it.
 */
final class TcpdumpFilter {
    /** The filter of a tcpdump started without an expression. */
    static final TcpdumpFilter ALL = new TcpdumpFilter(null);

    private static final Set<String> UNSUPPORTED = Set.of("ip6", "icmp6", "proto", "portrange", "less", "greater",
            "broadcast", "multicast", "gateway", "vlan", "mpls", "len", "sctp", "igmp", "rarp", "decnet", "inbound",
            "outbound", "ifname", "on", "mask", "byte", "atalk", "stp", "ipx", "netbeui", "llc", "wlan", "pppoed",
            "pppoes", "geneve", "vxlan", "udp6", "tcp6", "ah", "esp", "pim", "vrrp", "carp");

    private final Expr root;

    private TcpdumpFilter(Expr root) {
        this.root = root;
    }

    /**
     * Compiles the expression (the words after tcpdump's options, joined by spaces).
     *
     * @throws FilterException naming the token that could not be understood
     */
    static TcpdumpFilter parse(String expression) throws FilterException {
        List<String> tokens = tokens(expression);
        if (tokens.isEmpty()) return ALL;
        Parser parser = new Parser(tokens);
        Expr root = parser.expression();
        if (parser.pos < tokens.size()) throw parser.unexpected(tokens.get(parser.pos));
        return new TcpdumpFilter(root);
    }

    /** Whether the frame's first {@code length} bytes pass the filter. */
    boolean matches(byte[] frame, int length) {
        if (root == null) return true;
        try {
            return root.test(new Frame(frame, Math.min(length, frame.length)));
        } catch (OutOfBounds e) {
            return false;
        }
    }

    /** A filter that cannot be compiled; the message follows {@code tcpdump: }. */
    static final class FilterException extends Exception {
        FilterException(String detail) {
            super("syntax error in filter expression: " + detail);
        }
    }

    /** Words, with parentheses, {@code !}, {@code &&} and {@code ||} split off even without spaces around them. */
    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            boolean pair = i + 1 < expression.length() && expression.charAt(i + 1) == c;
            String operator = c == '(' || c == ')' || c == '!' ? String.valueOf(c)
                    : (c == '&' || c == '|') && pair ? "" + c + c : null;
            if (Character.isWhitespace(c) || operator != null) {
                if (!word.isEmpty()) tokens.add(word.toString());
                word.setLength(0);
                if (operator != null) {
                    tokens.add(operator);
                    i += operator.length() - 1;
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) tokens.add(word.toString());
        return tokens;
    }

    private enum Protocol { IP, ARP, TCP, UDP, ICMP, ETHER }

    private enum Direction { EITHER, SOURCE, DESTINATION }

    /** The qualifiers in front of an ID, which a following bare ID repeats. */
    private record Qualifiers(Protocol protocol, Direction direction, String type) {}

    private static final class Parser {
        final List<String> tokens;
        int pos;
        Qualifiers last;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String peek() { return pos < tokens.size() ? tokens.get(pos) : null; }

        String next() {
            String t = peek();
            if (t == null) throw new IllegalStateException();
            pos++;
            return t;
        }

        Expr expression() throws FilterException {
            Expr e = term();
            for (String op = peek(); op != null && isConjunction(op); op = peek()) {
                next();
                Expr right = term();
                e = op.equals("and") || op.equals("&&") ? new And(e, right) : new Or(e, right);
            }
            return e;
        }

        private static boolean isConjunction(String t) {
            return t.equals("and") || t.equals("&&") || t.equals("or") || t.equals("||");
        }

        Expr term() throws FilterException {
            String t = peek();
            if (t == null) throw endOfExpression();
            if (t.equals("not") || t.equals("!")) {
                next();
                return new Not(term());
            }
            if (t.equals("(")) {
                next();
                Expr e = expression();
                if (!")".equals(peek())) {
                    if (peek() == null) throw new FilterException("\"(\" is never closed");
                    throw unexpected(peek());
                }
                next();
                return e;
            }
            return primitive();
        }

        Expr primitive() throws FilterException {
            String t = peek();
            Protocol protocol = protocol(t);
            if (protocol != null) {
                next();
                String n = peek();
                boolean qualified = n != null && (direction(n) != null || isType(n) || startsLikeAnId(n));
                if (protocol == Protocol.ETHER) return ether();
                if (!qualified) return new ProtocolIs(protocol);
            }
            Direction direction = direction(peek());
            if (direction != null) next();
            String type = peek() != null && isType(peek()) ? next() : null;
            String id = peek();
            if (id == null) throw endOfExpression();
            boolean explicit = protocol != null || direction != null || type != null;
            if (explicit ? isKeyword(id) : !startsLikeAnId(id)) throw unexpected(id);
            next();
            Qualifiers q;
            if (explicit) {
                q = new Qualifiers(protocol, direction == null ? Direction.EITHER : direction, type == null ? "host" : type);
            } else {
                q = last != null ? last : new Qualifiers(null, Direction.EITHER, "host");
            }
            last = q;
            return build(q, id);
        }

        /** {@code ether [src|dst] [host] MAC}: the Ethernet addresses, which pcap also accepts. */
        private Expr ether() throws FilterException {
            Direction direction = direction(peek());
            if (direction != null) next();
            if ("host".equals(peek())) next();
            String id = peek();
            if (id == null) throw endOfExpression();
            next();
            MacAddress mac;
            try {
                mac = MacAddress.parse(id);
            } catch (IllegalArgumentException e) {
                throw new FilterException("\"" + id + "\" is not a MAC address (six hex octets, 02:00:00:00:00:01)");
            }
            last = null;
            return new EtherHost(direction == null ? Direction.EITHER : direction, mac.value());
        }

        private Expr build(Qualifiers q, String id) throws FilterException {
            Protocol p = q.protocol();
            switch (q.type()) {
                case "port" -> {
                    if (p != null && p != Protocol.TCP && p != Protocol.UDP) throw cannotQualify(p, "port");
                    int port = parsePort(id);
                    return new PortIs(p, q.direction(), port);
                }
                case "net" -> {
                    if (p != null && p != Protocol.IP && p != Protocol.ARP) throw cannotQualify(p, "net");
                    int[] net = parseNet(id);
                    return new AddressIs(p, q.direction(), net[0], net[1]);
                }
                default -> {
                    if (p != null && p != Protocol.IP && p != Protocol.ARP) throw cannotQualify(p, "host");
                    try {
                        return new AddressIs(p, q.direction(), Ipv4Address.parse(id).value(), -1);
                    } catch (IllegalArgumentException e) {
                        throw new FilterException("\"" + id + "\" is not an IPv4 address (there is no DNS to look names up)");
                    }
                }
            }
        }

        private static int parsePort(String id) throws FilterException {
            if (!id.isEmpty() && id.length() <= 5 && id.chars().allMatch(Character::isDigit)) {
                int port = Integer.parseInt(id);
                if (port <= 65535) return port;
                throw new FilterException("port " + port + " is above 65535");
            }
            throw new FilterException("\"" + id + "\" is not a port number (0 to 65535; names such as http are not known)");
        }

        /** {address, mask} of {@code 10.0.0.0/8}, or of one to four octets, the mask from how many were given. */
        private static int[] parseNet(String id) throws FilterException {
            String address = id;
            int length = -1;
            int slash = id.indexOf('/');
            if (slash >= 0) {
                address = id.substring(0, slash);
                String bits = id.substring(slash + 1);
                if (bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit) || Integer.parseInt(bits) > 32) {
                    throw new FilterException("\"" + id + "\" has a bad prefix length (0 to 32)");
                }
                length = Integer.parseInt(bits);
            }
            String[] octets = address.split("\\.", -1);
            if (octets.length > 4 || (slash >= 0 && octets.length != 4)) throw notANetwork(id);
            int value = 0;
            for (String octet : octets) {
                if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                    throw notANetwork(id);
                }
                value = value << 8 | Integer.parseInt(octet);
            }
            value <<= 8 * (4 - octets.length);
            if (length < 0) length = 8 * octets.length;
            int mask = length == 0 ? 0 : -1 << (32 - length);
            if ((value & ~mask) != 0) throw new FilterException("non-network bits set in \"" + id + "\"");
            return new int[] {value, mask};
        }

        private static FilterException notANetwork(String id) {
            return new FilterException("\"" + id + "\" is not a network (write it as 10.0.0.0/8)");
        }

        private static FilterException cannotQualify(Protocol p, String type) {
            return new FilterException("\"" + p.name().toLowerCase() + "\" cannot qualify \"" + type + "\"");
        }

        FilterException unexpected(String token) {
            if (UNSUPPORTED.contains(token)) {
                return new FilterException("\"" + token + "\" is not supported here (see help: host, net, port, src, dst,"
                        + " ip, arp, tcp, udp, icmp, ether, and, or, not)");
            }
            return new FilterException("unexpected \"" + token + "\"");
        }

        FilterException endOfExpression() {
            return new FilterException(pos == 0 ? "empty expression" : "unexpected end after \"" + tokens.get(pos - 1) + "\"");
        }

        private static Protocol protocol(String t) {
            if (t == null) return null;
            return switch (t) {
                case "ip" -> Protocol.IP;
                case "arp" -> Protocol.ARP;
                case "tcp" -> Protocol.TCP;
                case "udp" -> Protocol.UDP;
                case "icmp" -> Protocol.ICMP;
                case "ether" -> Protocol.ETHER;
                default -> null;
            };
        }

        private static Direction direction(String t) {
            if ("src".equals(t)) return Direction.SOURCE;
            if ("dst".equals(t)) return Direction.DESTINATION;
            return null;
        }

        private static boolean isType(String t) {
            return t.equals("host") || t.equals("net") || t.equals("port");
        }

        private static boolean isKeyword(String t) {
            return protocol(t) != null || direction(t) != null || isType(t) || isConjunction(t) || t.equals("not")
                    || t.equals("!") || t.equals("(") || t.equals(")") || UNSUPPORTED.contains(t);
        }

        /** An address, a network or a port number: what may stand alone, repeating the qualifiers before it. */
        private static boolean startsLikeAnId(String t) {
            return !t.isEmpty() && Character.isDigit(t.charAt(0));
        }
    }

    /** The captured bytes; reading past them rejects the frame, as a BPF load out of bounds does. */
    private record Frame(byte[] b, int length) {
        int u8(int at) {
            if (at + 1 > length) throw OutOfBounds.INSTANCE;
            return b[at] & 0xff;
        }

        int u16(int at) { return u8(at) << 8 | u8(at + 1); }

        int u32(int at) { return u16(at) << 16 | u16(at + 2); }

        long u48(int at) { return (long) u16(at) << 32 | (u32(at + 2) & 0xffff_ffffL); }

        int etherType() { return u16(12); }
    }

    private static final class OutOfBounds extends RuntimeException {
        static final OutOfBounds INSTANCE = new OutOfBounds();

        private OutOfBounds() {
            super(null, null, false, false);
        }
    }

    private static final int IPV4 = 0x0800;
    private static final int ARP = 0x0806;
    private static final int RARP = 0x8035;
    private static final int IP = 14;

    private sealed interface Expr permits And, Or, Not, ProtocolIs, AddressIs, PortIs, EtherHost {
        boolean test(Frame f);
    }

    private record And(Expr left, Expr right) implements Expr {
        public boolean test(Frame f) { return left.test(f) && right.test(f); }
    }

    private record Or(Expr left, Expr right) implements Expr {
        public boolean test(Frame f) { return left.test(f) || right.test(f); }
    }

    private record Not(Expr operand) implements Expr {
        public boolean test(Frame f) { return !operand.test(f); }
    }

    /** {@code ip}, {@code arp}: the EtherType; {@code tcp}, {@code udp}, {@code icmp}: IPv4's protocol field. */
    private record ProtocolIs(Protocol protocol) implements Expr {
        public boolean test(Frame f) {
            return switch (protocol) {
                case IP -> f.etherType() == IPV4;
                case ARP -> f.etherType() == ARP;
                case TCP -> f.etherType() == IPV4 && f.u8(IP + 9) == 6;
                case UDP -> f.etherType() == IPV4 && f.u8(IP + 9) == 17;
                case ICMP -> f.etherType() == IPV4 && f.u8(IP + 9) == 1;
                case ETHER -> true;
            };
        }
    }

    /** {@code host} ({@code mask} -1) and {@code net}: IPv4 source/destination, ARP sender/target protocol address. */
    private record AddressIs(Protocol protocol, Direction direction, int address, int mask) implements Expr {
        public boolean test(Frame f) {
            int type = f.etherType();
            if ((protocol == null || protocol == Protocol.IP) && type == IPV4) {
                if (matches(f, IP + 12, IP + 16)) return true;
            }
            if ((protocol == null || protocol == Protocol.ARP) && (type == ARP || protocol == null && type == RARP)) {
                return matches(f, IP + 14, IP + 24);
            }
            return false;
        }

        private boolean matches(Frame f, int source, int destination) {
            return direction != Direction.DESTINATION && (f.u32(source) & mask) == address
                    || direction != Direction.SOURCE && (f.u32(destination) & mask) == address;
        }
    }

    /** {@code port}: TCP, UDP (or SCTP) ports, in the first fragment of an IPv4 datagram. */
    private record PortIs(Protocol protocol, Direction direction, int port) implements Expr {
        public boolean test(Frame f) {
            if (f.etherType() != IPV4) return false;
            int p = f.u8(IP + 9);
            boolean carries = protocol == Protocol.TCP ? p == 6 : protocol == Protocol.UDP ? p == 17 : p == 6 || p == 17 || p == 132;
            if (!carries || (f.u16(IP + 6) & 0x1fff) != 0) return false;
            int transport = IP + (f.u8(IP) & 0x0f) * 4;
            return direction != Direction.DESTINATION && f.u16(transport) == port
                    || direction != Direction.SOURCE && f.u16(transport + 2) == port;
        }
    }

    /** {@code ether host}: the Ethernet source or destination address. */
    private record EtherHost(Direction direction, long mac) implements Expr {
        public boolean test(Frame f) {
            return direction != Direction.DESTINATION && f.u48(6) == mac
                    || direction != Direction.SOURCE && f.u48(0) == mac;
        }
    }
}
