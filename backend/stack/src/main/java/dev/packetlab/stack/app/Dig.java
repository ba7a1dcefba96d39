package dev.packetlab.stack.app;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dig}: asks a name server one question and prints the whole answer as dig 9.18 does (without EDNS, as
 * {@code dig +noedns}): the header with opcode, status and ID, the flags and section counts, every section in
 * master-file columns, the query time in simulated milliseconds, the server, and the size of the answer. dig's
 * {@code ;; WHEN:} line, a wall-clock date, is left out: the lab's clock has no date.
 *
 * <p>{@code +trace} does what a recursive server does, in plain view: it asks the default server for the root's
 * name servers, then asks a root server, the server it refers to, and so on down to the authority, each step
 * printed with the records that led on and a line saying who answered, how many bytes, in how many milliseconds.
 */
final class Dig implements Command {
    /** dig's defaults: +time=5 +tries=3. */
    private static final int TIME = 5;
    private static final int TRIES = 3;
    private static final int MAX_TRACE_STEPS = 12;

    @Override
    public String name() { return "dig"; }

    @Override
    public String summary() { return "ask a DNS server a question and show the whole answer"; }

    @Override
    public String usage() {
        return """
                usage: dig [@SERVER] [-p PORT] [-x ADDRESS] NAME [TYPE] [+trace] [+norecurse] [+tcp] [+short]
                           [+time=SECONDS] [+tries=N]
                  @SERVER      the server to ask (default: the node's first dns: server)
                  TYPE         A (default), AAAA, NS, MX, TXT, SOA, PTR, CNAME, ANY
                  -x ADDRESS   reverse lookup: the PTR record of ADDRESS's in-addr.arpa name
                  +trace       walk from the root servers down to the authority, each step shown
                  +norecurse   do not ask the server to recurse (RD clear)
                  +tcp         ask over TCP instead of UDP
                  +short       print only the answers' data
                  +time=N      seconds to wait for each answer (default 5); +tries=N tries over UDP (default 3)""";
    }

    /** What the command line asked for. */
    private static final class Request {
        String server;
        int port = 53;
        DnsName name;
        int type = -1;
        boolean trace;
        boolean recurse = true;
        boolean tcp;
        boolean shortForm;
        int time = TIME;
        int tries = TRIES;
    }

    @Override
    public void run(Process p) {
        Request r = new Request();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                if (a.startsWith("@") && a.length() > 1) {
                    r.server = a.substring(1);
                } else if (a.startsWith("+")) {
                    plusOption(r, a.substring(1));
                } else if (a.equals("-x") || a.equals("-p") || a.equals("-t") || a.equals("-q")) {
                    if (i + 1 == args.size()) throw new IllegalArgumentException("option requires an argument -- '" + a.charAt(1) + "'");
                    String v = args.get(++i);
                    switch (a) {
                        case "-x" -> {
                            Ipv4Address addr = HostsFile.parseAddress(v);
                            if (addr == null) throw new IllegalArgumentException("invalid IP address " + v);
                            r.name = DnsTool.reverseName(addr);
                            if (r.type < 0) r.type = DnsType.PTR;
                        }
                        case "-p" -> r.port = port(v);
                        case "-t" -> r.type = type(v);
                        default -> r.name = name(v);
                    }
                } else if (a.startsWith("-")) {
                    throw new IllegalArgumentException("invalid option: " + a);
                } else if (r.type < 0 && DnsType.parse(a) >= 0 && !a.contains(".")) {
                    r.type = DnsType.parse(a);
                } else if (a.equalsIgnoreCase("IN")) {
                    continue; // the class: IN is the only one served
                } else if (r.name == null) {
                    r.name = name(a);
                } else {
                    throw new IllegalArgumentException("too many names: " + a);
                }
            } catch (IllegalArgumentException e) {
                p.usageError(e.getMessage());
                return;
            }
        }
        if (r.name == null) {
            r.name = DnsName.ROOT; // dig without a name asks for the root's name servers
            if (r.type < 0) r.type = DnsType.NS;
        }
        if (r.type < 0) r.type = DnsType.A;
        if (r.server == null) {
            Ipv4Address s = DnsTool.defaultServer(p);
            if (s == null) {
                header(p, r);
                p.println(";; no servers could be reached");
                p.exit(9);
                return;
            }
            start(p, r, new SocketAddress(s, r.port));
            return;
        }
        Resolver.lookup(p.node(), r.server, new Resolver.Handler() {
            @Override
            public void resolved(Ipv4Address address) {
                if (!p.exited()) start(p, r, new SocketAddress(address, r.port));
            }

            @Override
            public void failed(String message) {
                if (p.exited()) return;
                p.eprintln("dig: couldn't get address for '" + r.server + "': not found");
                p.exit(10);
            }
        });
    }

    private static void plusOption(Request r, String o) {
        String key = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
        String value = o.contains("=") ? o.substring(o.indexOf('=') + 1) : null;
        switch (key) {
            case "trace" -> r.trace = true;
            case "notrace" -> r.trace = false;
            case "norecurse", "norec" -> r.recurse = false;
            case "recurse", "rec" -> r.recurse = true;
            case "tcp", "vc" -> r.tcp = true;
            case "notcp", "novc" -> r.tcp = false;
            case "short" -> r.shortForm = true;
            case "noshort" -> r.shortForm = false;
            case "time" -> r.time = number(value, 1, 60, "+time");
            case "tries", "retry" -> r.tries = number(value, 1, 10, "+" + key) + (key.equals("retry") ? 1 : 0);
            default -> throw new IllegalArgumentException("invalid option: +" + o);
        }
    }

    private static int number(String v, int min, int max, String what) {
        try {
            int n = Integer.parseInt(v == null ? "" : v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + what + " value: " + v + " (" + min + ".." + max + ")");
    }

    private static int port(String v) {
        return number(v, 1, 65_535, "port");
    }

    private static int type(String v) {
        int t = DnsType.parse(v);
        if (t < 0) throw new IllegalArgumentException("invalid type: " + v);
        return t;
    }

    private static DnsName name(String v) {
        DnsName n = DnsTool.nameOrNull(v);
        if (n == null) throw new IllegalArgumentException("'" + v + "' is not a legal name");
        return n;
    }

    /** The lines dig prints before anything is sent. */
    private static void header(Process p, Request r) {
        if (r.shortForm) return;
        p.println("");
        p.println("; <<>> DiG 9.18-PacketLab <<>> " + String.join(" ", p.args()));
        if (r.server != null) p.println("; (1 server found)");
        p.println(";; global options: +cmd");
    }

    private void start(Process p, Request r, SocketAddress server) {
        if (r.trace) {
            new Trace(p, r, server).start();
            return;
        }
        DnsMessage query = DnsMessage.query(DnsTool.nextId(p), new DnsQuestion(r.name, r.type), r.recurse);
        List<String> notes = new ArrayList<>();
        DnsTool.ask(p, server, query, r.tcp, SimTime.seconds(r.time), r.tries, notes::add, new DnsTool.Done() {
            @Override
            public void answered(DnsMessage response, int size, long elapsed, boolean overTcp) {
                for (String n : notes) if (!r.shortForm) p.println(n);
                if (r.shortForm) {
                    for (DnsRecord a : response.answers()) p.println(a.data().toString());
                    p.exit(0);
                    return;
                }
                header(p, r);
                p.print(format(response, query.recursionDesired()));
                p.println(";; Query time: " + elapsed / SimTime.MILLISECOND + " msec");
                p.println(";; SERVER: " + DnsTool.show(server) + "(" + server.address() + ") (" + (overTcp ? "TCP" : "UDP") + ")");
                p.println(";; MSG SIZE  rcvd: " + size);
                p.println("");
                p.exit(0);
            }

            @Override
            public void failed() {
                for (String n : notes) p.println(n);
                header(p, r);
                p.println(";; no servers could be reached");
                if (!r.shortForm) p.println("");
                p.exit(9);
            }
        });
    }

    /** A response as dig prints it, from ";; Got answer:" to the blank line after the last section. */
    static String format(DnsMessage m, boolean recursionDesired) {
        StringBuilder s = new StringBuilder();
        s.append(";; Got answer:\n");
        s.append(";; ->>HEADER<<- opcode: ").append(DnsMessage.opcodeName(m.opcode())).append(", status: ")
                .append(DnsMessage.rcodeName(m.rcode())).append(", id: ").append(m.id()).append('\n');
        String flags = m.flagNames();
        s.append(";; flags:").append(flags.isEmpty() ? "" : " " + flags).append("; QUERY: ").append(m.questions().size())
                .append(", ANSWER: ").append(m.answers().size()).append(", AUTHORITY: ").append(m.authorities().size())
                .append(", ADDITIONAL: ").append(m.additionals().size()).append('\n');
        if (recursionDesired && !m.recursionAvailable()) s.append(";; WARNING: recursion requested but not available\n");
        s.append('\n');
        if (!m.questions().isEmpty()) {
            s.append(";; QUESTION SECTION:\n");
            for (DnsQuestion q : m.questions()) s.append(question(q)).append('\n');
            s.append('\n');
        }
        section(s, "ANSWER", m.answers());
        section(s, "AUTHORITY", m.authorities());
        section(s, "ADDITIONAL", m.additionals());
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<DnsRecord> records) {
        if (records.isEmpty()) return;
        s.append(";; ").append(title).append(" SECTION:\n");
        for (DnsRecord r : records) s.append(record(r)).append('\n');
        s.append('\n');
    }

    /** {@code ;www.example.lab.		IN	A}: BIND's columns (class at 32, type at 40), the ';' not counted. */
    static String question(DnsQuestion q) {
        StringBuilder s = new StringBuilder(q.name().toString());
        int column = s.length();
        column = indent(s, column, 32);
        s.append(DnsType.className(q.dnsClass()));
        column += DnsType.className(q.dnsClass()).length();
        indent(s, column, 40);
        s.append(DnsType.name(q.type()));
        return ";" + s;
    }

    /** {@code www.example.lab.	300	IN	A	10.0.1.80}: TTL at column 24, class 32, type 40, data 48. */
    static String record(DnsRecord r) {
        StringBuilder s = new StringBuilder(r.name().toString());
        int column = s.length();
        String[] fields = {Long.toString(r.ttl()), DnsType.className(r.dnsClass()), DnsType.name(r.type())};
        int[] at = {24, 32, 40};
        for (int i = 0; i < 3; i++) {
            column = indent(s, column, at[i]);
            s.append(fields[i]);
            column += fields[i].length();
        }
        indent(s, column, 48);
        s.append(r.data());
        return s.toString();
    }

    /**
     * BIND's masterdump indent(): tabs (8 wide) and then spaces to reach column {@code to}, at least one character
     * even when {@code from} is already past it. Returns the new column.
     */
    static int indent(StringBuilder s, int from, int to) {
        if (to < from + 1) to = from + 1;
        int tabs = to / 8 - from / 8;
        if (tabs > 0) {
            s.append("\t".repeat(tabs));
            from = (to / 8) * 8;
        }
        s.append(" ".repeat(to - from));
        return to;
    }

    /** dig +trace: from the root servers down, one query at a time, each step printed. */
    private final class Trace {
        final Process p;
        final Request r;
        final SocketAddress defaultServer;
        int steps;

        Trace(Process p, Request r, SocketAddress defaultServer) {
            this.p = p;
            this.r = r;
            this.defaultServer = defaultServer;
        }

        void start() {
            header(p, r);
            DnsMessage priming = DnsMessage.query(DnsTool.nextId(p), new DnsQuestion(DnsName.ROOT, DnsType.NS), true);
            exchange(defaultServer, defaultServer.address().toString(), priming, response -> {
                List<DnsRecord> roots = ofType(response.answers(), DnsType.NS);
                if (roots.isEmpty()) {
                    p.println("dig: the server at " + defaultServer.address() + " named no root servers (status: "
                            + DnsMessage.rcodeName(response.rcode()) + ")");
                    p.exit(10);
                    return;
                }
                printRecords(response.answers());
                nextServers(roots, response.additionals(), 0);
            });
        }

        /** Asks {@code server} (shown as {@code label}) and hands the answer on; reports and ends on failure. */
        void exchange(SocketAddress server, String label, DnsMessage query, java.util.function.Consumer<DnsMessage> then) {
            DnsTool.ask(p, server, query, r.tcp, SimTime.seconds(r.time), r.tries, p::println, new DnsTool.Done() {
                @Override
                public void answered(DnsMessage response, int size, long elapsed, boolean overTcp) {
                    // printed after the records that came with it, where dig prints it
                    pending = ";; Received " + size + " bytes from " + DnsTool.show(server) + "(" + label + ") in "
                            + elapsed / SimTime.MILLISECOND + " ms";
                    then.accept(response);
                }

                @Override
                public void failed() {
                    p.println(";; no servers could be reached");
                    p.exit(9);
                }
            });
        }

        /** The ";; Received …" line of the last answer, waiting for its records to be printed first. */
        String pending;

        void printRecords(List<DnsRecord> records) {
            for (DnsRecord rec : records) p.println(r.shortForm ? rec.data().toString() : record(rec));
            if (pending != null) p.println(pending);
            p.println("");
            pending = null;
        }

        /** Asks the {@code index}th of {@code ns} (a zone's servers) for the name, finding its address first. */
        void nextServers(List<DnsRecord> ns, List<DnsRecord> glue, int index) {
            if (index >= ns.size() || ++steps > MAX_TRACE_STEPS) {
                p.println(";; no servers could be reached");
                p.exit(9);
                return;
            }
            DnsName host = ((DnsRdata.Ns) ns.get(index).data()).host();
            Ipv4Address address = null;
            for (DnsRecord g : glue) {
                if (g.name().equals(host) && g.data() instanceof DnsRdata.A a) {
                    address = a.address();
                    break;
                }
            }
            if (address != null) {
                askAuthority(new SocketAddress(address, r.port), host, ns, glue, index);
                return;
            }
            // no glue: find the server's address through the default server, as dig does
            DnsMessage q = DnsMessage.query(DnsTool.nextId(p), new DnsQuestion(host, DnsType.A), true);
            DnsTool.ask(p, defaultServer, q, false, SimTime.seconds(r.time), r.tries, p::println, new DnsTool.Done() {
                @Override
                public void answered(DnsMessage response, int size, long elapsed, boolean overTcp) {
                    for (DnsRecord a : response.answers()) {
                        if (a.data() instanceof DnsRdata.A x) {
                            askAuthority(new SocketAddress(x.address(), r.port), host, ns, glue, index);
                            return;
                        }
                    }
                    p.println("dig: couldn't get address for '" + host + "': not found");
                    nextServers(ns, glue, index + 1);
                }

                @Override
                public void failed() {
                    nextServers(ns, glue, index + 1);
                }
            });
        }

        void askAuthority(SocketAddress server, DnsName host, List<DnsRecord> ns, List<DnsRecord> glue, int index) {
            String label = host.isRoot() ? "." : host.toString().substring(0, host.toString().length() - 1);
            DnsMessage query = DnsMessage.query(DnsTool.nextId(p), new DnsQuestion(r.name, r.type), false);
            exchange(server, label, query, response -> {
                List<DnsRecord> answers = response.answers();
                List<DnsRecord> referral = ofType(response.authorities(), DnsType.NS);
                boolean final_ = !answers.isEmpty() || response.rcode() != DnsMessage.NOERROR
                        || response.authoritative() || referral.isEmpty();
                if (final_) {
                    List<DnsRecord> shown = new ArrayList<>(answers);
                    if (answers.isEmpty()) shown.addAll(response.authorities());
                    printRecords(shown);
                    p.exit(0);
                    return;
                }
                printRecords(referral);
                nextServers(referral, response.additionals(), 0);
            });
        }
    }

    private static List<DnsRecord> ofType(List<DnsRecord> records, int type) {
        return records.stream().filter(x -> x.type() == type).toList();
    }
}
