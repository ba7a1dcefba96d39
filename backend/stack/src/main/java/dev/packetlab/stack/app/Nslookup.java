package dev.packetlab.stack.app;

import dev.packetlab.stack.app.dns.StubResolver;
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
 * {@code nslookup NAME [SERVER]}: the non-interactive nslookup of BIND 9.18. It names the server, then asks for the
 * name's A and then its AAAA records (a PTR record for an address), saying "Non-authoritative answer:" when the
 * server is not the zone's authority, and "** server can't find NAME: NXDOMAIN" when the name does not exist. Each
 * try waits {@code net.dns.timeout} seconds, {@code net.dns.attempts} times, like the node's resolver.
 */
final class Nslookup implements Command {
    @Override
    public String name() { return "nslookup"; }

    @Override
    public String summary() { return "look a name (or an address) up in the DNS"; }

    @Override
    public String usage() {
        return """
                usage: nslookup [-type=TYPE] NAME [SERVER]
                  NAME         the name to look up (an IPv4 address: its PTR record)
                  SERVER       the server to ask (default: the node's first dns: server)
                  -type=TYPE   ask for TYPE only (A, AAAA, MX, NS, TXT, SOA, CNAME, PTR)""";
    }

    @Override
    public void run(Process p) {
        List<String> positional = new ArrayList<>();
        int onlyType = -1;
        for (String a : p.args()) {
            if (a.startsWith("-type=") || a.startsWith("-query=") || a.startsWith("-q=") || a.startsWith("-t=")) {
                onlyType = DnsType.parse(a.substring(a.indexOf('=') + 1));
                if (onlyType < 0) {
                    p.usageError("unknown query type: " + a.substring(a.indexOf('=') + 1));
                    return;
                }
            } else if (a.startsWith("-")) {
                p.usageError("invalid option: " + a);
                return;
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            p.usageError(positional.isEmpty() ? "a name to look up is needed (interactive mode is not offered)" : "too many arguments");
            return;
        }
        String target = positional.get(0);
        Ipv4Address literal = HostsFile.parseAddress(target);
        DnsName name = literal != null ? DnsTool.reverseName(literal) : DnsTool.nameOrNull(target);
        if (name == null) {
            p.usageError("'" + target + "' is not a legal name");
            return;
        }
        List<Integer> types = onlyType >= 0 ? List.of(onlyType)
                : literal != null ? List.of(DnsType.PTR) : List.of(DnsType.A, DnsType.AAAA);
        if (positional.size() == 2) {
            Resolver.lookup(p.node(), positional.get(1), new Resolver.Handler() {
                @Override
                public void resolved(Ipv4Address address) {
                    if (!p.exited()) new Session(p, new SocketAddress(address, 53), name, types).start();
                }

                @Override
                public void failed(String message) {
                    if (p.exited()) return;
                    p.println(";; couldn't get address for '" + positional.get(1) + "': not found");
                    p.exit(1);
                }
            });
            return;
        }
        Ipv4Address server = DnsTool.defaultServer(p);
        if (server == null) {
            p.println(";; no servers could be reached");
            p.println("");
            p.exit(1);
            return;
        }
        new Session(p, new SocketAddress(server, 53), name, types).start();
    }

    /** One run: the questions still to ask, and whether the "Non-authoritative answer:" line was printed. */
    private static final class Session {
        final Process p;
        final SocketAddress server;
        final DnsName name;
        final List<Integer> types;
        boolean headed;
        boolean answeredSomething;
        final List<String> aliasesShown = new ArrayList<>();

        Session(Process p, SocketAddress server, DnsName name, List<Integer> types) {
            this.p = p;
            this.server = server;
            this.name = name;
            this.types = types;
        }

        void start() {
            p.println("Server:\t\t" + server.address());
            p.println("Address:\t" + DnsTool.show(server));
            p.println("");
            ask(0);
        }

        void ask(int index) {
            if (index == types.size()) {
                p.println("");
                p.exit(0);
                return;
            }
            StubResolver r = StubResolver.of(p.node());
            long timeout = r != null ? r.timeout() : 2_000_000_000L;
            int tries = r != null ? r.attempts() : 3;
            DnsMessage query = DnsMessage.query(DnsTool.nextId(p), new DnsQuestion(name, types.get(index)), true);
            List<String> notes = new ArrayList<>();
            DnsTool.ask(p, server, query, false, timeout, tries, notes::add, new DnsTool.Done() {
                @Override
                public void answered(DnsMessage response, int size, long elapsed, boolean overTcp) {
                    notes.stream().filter(n -> n.startsWith(";; communications")).forEach(p::println);
                    if (response.rcode() != DnsMessage.NOERROR) {
                        if (answeredSomething) {
                            ask(index + 1);
                            return;
                        }
                        p.println("** server can't find " + plain(name) + ": " + DnsMessage.rcodeName(response.rcode()));
                        p.println("");
                        p.exit(1);
                        return;
                    }
                    print(response);
                    ask(index + 1);
                }

                @Override
                public void failed() {
                    notes.forEach(p::println);
                    p.println(";; no servers could be reached");
                    p.println("");
                    p.exit(1);
                }
            });
        }

        void print(DnsMessage response) {
            if (response.answers().isEmpty()) return;
            if (!headed && !response.authoritative()) p.println("Non-authoritative answer:");
            headed = true;
            answeredSomething = true;
            for (DnsRecord rec : response.answers()) {
                switch (rec.data()) {
                    case DnsRdata.A a -> {
                        p.println("Name:\t" + plain(rec.name()));
                        p.println("Address: " + a.address());
                    }
                    case DnsRdata.Aaaa a -> {
                        p.println("Name:\t" + plain(rec.name()));
                        p.println("Address: " + a);
                    }
                    case DnsRdata.Cname c -> {
                        // the A and the AAAA answer both carry the chain: it is shown once
                        String line = plain(rec.name()) + "\tcanonical name = " + c.target();
                        if (!aliasesShown.contains(line)) p.println(line);
                        aliasesShown.add(line);
                    }
                    case DnsRdata.Ptr x -> p.println(plain(rec.name()) + "\tname = " + x.target());
                    case DnsRdata.Mx x -> p.println(plain(rec.name()) + "\tmail exchanger = " + x);
                    case DnsRdata.Ns x -> p.println(plain(rec.name()) + "\tnameserver = " + x.host());
                    case DnsRdata.Txt x -> p.println(plain(rec.name()) + "\ttext = " + x);
                    case DnsRdata.Soa x -> {
                        p.println(plain(rec.name()));
                        p.println("\torigin = " + x.mname());
                        p.println("\tmail addr = " + x.rname());
                        p.println("\tserial = " + x.serial());
                        p.println("\trefresh = " + x.refresh());
                        p.println("\tretry = " + x.retry());
                        p.println("\texpire = " + x.expire());
                        p.println("\tminimum = " + x.minimum());
                    }
                    case DnsRdata.Unknown x -> p.println(plain(rec.name()) + "\trdata_" + x.type() + " = " + x);
                }
            }
        }
    }

    /** A name as nslookup prints it on Name: lines: without the final dot. */
    static String plain(DnsName name) {
        String s = name.toString();
        return name.isRoot() ? s : s.substring(0, s.length() - 1);
    }
}
