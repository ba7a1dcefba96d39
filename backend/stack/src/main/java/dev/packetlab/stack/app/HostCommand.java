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
 * {@code host NAME [SERVER]}: BIND 9.18's host, one line per record: the name's addresses (A, then AAAA) and mail
 * exchangers, aliases on the way ("is an alias for"); for an address, its PTR name ("domain name pointer"). A name
 * that does not exist is "Host NAME not found: 3(NXDOMAIN)". Each try waits {@code net.dns.timeout} seconds,
 * {@code net.dns.attempts} times.
 */
final class HostCommand implements Command {
    @Override
    public String name() { return "host"; }

    @Override
    public String summary() { return "look a name or an address up in the DNS, one line per record"; }

    @Override
    public String usage() {
        return """
                usage: host [-t TYPE] NAME [SERVER]
                  NAME      the name to look up (an IPv4 address: its PTR record)
                  SERVER    the server to ask (default: the node's first dns: server)
                  -t TYPE   ask for TYPE only (A, AAAA, MX, NS, TXT, SOA, CNAME, PTR)""";
    }

    @Override
    public void run(Process p) {
        Options o;
        try {
            o = Options.parse(p.args(), "", "t");
        } catch (IllegalArgumentException e) {
            p.usageError(e.getMessage());
            return;
        }
        if (o.positional().isEmpty() || o.positional().size() > 2) {
            p.usageError(o.positional().isEmpty() ? "a name to look up is needed" : "too many arguments");
            return;
        }
        int onlyType = o.has('t') ? DnsType.parse(o.value('t')) : -1;
        if (o.has('t') && onlyType < 0) {
            p.usageError("invalid type: " + o.value('t'));
            return;
        }
        String target = o.positional().get(0);
        Ipv4Address literal = HostsFile.parseAddress(target);
        DnsName name = literal != null ? DnsTool.reverseName(literal) : DnsTool.nameOrNull(target);
        if (name == null) {
            p.usageError("'" + target + "' is not a legal name");
            return;
        }
        List<Integer> types = onlyType >= 0 ? List.of(onlyType)
                : literal != null ? List.of(DnsType.PTR) : List.of(DnsType.A, DnsType.AAAA, DnsType.MX);
        if (o.positional().size() == 2) {
            String given = o.positional().get(1);
            Resolver.lookup(p.node(), given, new Resolver.Handler() {
                @Override
                public void resolved(Ipv4Address address) {
                    if (p.exited()) return;
                    SocketAddress server = new SocketAddress(address, 53);
                    p.println("Using domain server:");
                    p.println("Name: " + given);
                    p.println("Address: " + DnsTool.show(server));
                    p.println("Aliases: ");
                    p.println("");
                    new Session(p, server, name, target, types).ask(0);
                }

                @Override
                public void failed(String message) {
                    if (p.exited()) return;
                    p.println("host: couldn't get address for '" + given + "': not found");
                    p.exit(1);
                }
            });
            return;
        }
        Ipv4Address server = DnsTool.defaultServer(p);
        if (server == null) {
            p.println(";; no servers could be reached");
            p.exit(1);
            return;
        }
        new Session(p, new SocketAddress(server, 53), name, target, types).ask(0);
    }

    /** One run over its query types; aliases are printed once. */
    private static final class Session {
        final Process p;
        final SocketAddress server;
        final DnsName name;
        final String typed;
        final List<Integer> types;
        final List<String> printed = new ArrayList<>();

        Session(Process p, SocketAddress server, DnsName name, String typed, List<Integer> types) {
            this.p = p;
            this.server = server;
            this.name = name;
            this.typed = typed;
            this.types = types;
        }

        void ask(int index) {
            if (index == types.size()) {
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
                    if (response.rcode() != DnsMessage.NOERROR) {
                        p.println("Host " + typed + " not found: " + response.rcode() + "("
                                + DnsMessage.rcodeName(response.rcode()) + ")");
                        p.exit(1);
                        return;
                    }
                    for (DnsRecord rec : response.answers()) {
                        String line = line(rec);
                        if (!printed.contains(line)) {
                            printed.add(line);
                            p.println(line);
                        }
                    }
                    if (types.size() == 1 && response.answers().isEmpty()) {
                        p.println(Nslookup.plain(name) + " has no " + DnsType.name(types.get(0)) + " record");
                    }
                    ask(index + 1);
                }

                @Override
                public void failed() {
                    notes.forEach(p::println);
                    p.println(";; no servers could be reached");
                    p.exit(1);
                }
            });
        }
    }

    /** One record in host's words. */
    static String line(DnsRecord rec) {
        String owner = Nslookup.plain(rec.name());
        return switch (rec.data()) {
            case DnsRdata.A a -> owner + " has address " + a.address();
            case DnsRdata.Aaaa a -> owner + " has IPv6 address " + a;
            case DnsRdata.Cname c -> owner + " is an alias for " + c.target();
            case DnsRdata.Mx m -> owner + " mail is handled by " + m;
            case DnsRdata.Ptr x -> owner + " domain name pointer " + x.target();
            case DnsRdata.Ns x -> owner + " name server " + x.host();
            case DnsRdata.Txt x -> owner + " descriptive text " + x;
            case DnsRdata.Soa x -> owner + " has SOA record " + x;
            case DnsRdata.Unknown x -> owner + " has " + DnsType.name(x.type()) + " record " + x;
        };
    }
}
