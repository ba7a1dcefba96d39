package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Iterative resolution for a recursive server (RFC 1034 5.3.3): start at the closest delegation the cache knows, or
 * at the root servers; ask each server without RD; follow referrals down (NS records and their glue) until a server
 * answers with authority; follow CNAMEs by starting again from the alias's target. What it learns goes into the
 * server's cache, so the next name under {@code example.lab.} starts at that zone's servers instead of the root's,
 * which a capture shows plainly.
 *
 * <p>Glue and answers are believed only inside the zone of the server that gave them (its "bailiwick"), so a server
 * cannot plant addresses for names it has no authority over. A server that does not answer within 2 s is passed
 * over for the next one; each server of a zone gets two chances; a resolution that needs more than 40 queries or
 * more than 8 aliases fails with SERVFAIL.
 */
final class Recursor {
    static final long TIMEOUT = 2 * SimTime.SECOND;
    private static final int MAX_QUERIES = 40;
    private static final int MAX_DEPTH = 4;

    /** What recursion found: the response code, the answer section, and the authority section (an SOA). */
    record Outcome(int rcode, List<DnsRecord> answers, List<DnsRecord> authorities) {}

    private final Host host;
    private final NameServer server;
    private final List<Ipv4Address> roots;
    private final DnsCache cache;
    private final SimRandom random;

    Recursor(Host host, NameServer server, List<Ipv4Address> roots, DnsCache cache) {
        this.host = host;
        this.server = server;
        this.roots = roots;
        this.cache = cache;
        this.random = host.network().simulation().random("dns-id/" + host.name() + "/recursion");
    }

    void resolve(DnsQuestion q, Consumer<Outcome> done) {
        new Resolution(q.name(), q.type(), 0, new int[1], done).step();
    }

    /** One name being resolved; aliases change its name, sub-resolutions (an NS host's address) share its budget. */
    private final class Resolution {
        DnsName name;
        final int type;
        final int depth;
        final int[] queries;
        final Consumer<Outcome> done;
        final List<DnsRecord> chain = new ArrayList<>();

        Resolution(DnsName name, int type, int depth, int[] queries, Consumer<Outcome> done) {
            this.name = name;
            this.type = type;
            this.depth = depth;
            this.queries = queries;
            this.done = done;
        }

        void step() {
            if (chain.size() > DnsCache.MAX_CHAIN) {
                finish(DnsMessage.SERVFAIL, List.of());
                return;
            }
            Zone zone = server.zoneFor(name);
            if (zone != null) {
                switch (zone.find(name, type)) {
                    case Zone.Answer a -> {
                        chain.addAll(a.records());
                        afterAnswer(a.records());
                    }
                    case Zone.NameError n -> finish(DnsMessage.NXDOMAIN, List.of(n.soa()));
                    case Zone.NoData n -> finish(DnsMessage.NOERROR, List.of(n.soa()));
                    case Zone.Referral r -> follow(r.cut(), r.nameServers(), r.glue());
                }
                return;
            }
            DnsCache.Negative negative = cache.negative(name, type);
            if (negative != null) {
                finish(negative.nameError() ? DnsMessage.NXDOMAIN : DnsMessage.NOERROR, List.of(negative.soa()));
                return;
            }
            List<DnsRecord> cached = cache.answer(name, type);
            if (cached != null) {
                chain.addAll(cached);
                finish(DnsMessage.NOERROR, List.of());
                return;
            }
            List<DnsRecord> alias = type == DnsType.CNAME ? null : cache.get(name, DnsType.CNAME);
            if (alias != null) {
                chain.addAll(alias);
                name = ((DnsRdata.Cname) alias.get(0).data()).target();
                step();
                return;
            }
            for (DnsName n = name; ; n = n.parent()) {
                List<DnsRecord> ns = cache.get(n, DnsType.NS);
                if (ns != null) {
                    List<Ipv4Address> addresses = cachedAddresses(ns);
                    if (!addresses.isEmpty()) {
                        ask(n, addresses, 0);
                        return;
                    }
                }
                if (n.isRoot()) break;
            }
            ask(DnsName.ROOT, roots, 0);
        }

        /** The chain so far ends in records of the type asked, or in an alias to resolve next. */
        private void afterAnswer(List<DnsRecord> part) {
            DnsRecord last = part.get(part.size() - 1);
            if (last.data() instanceof DnsRdata.Cname c && type != DnsType.CNAME && type != DnsType.ANY) {
                name = c.target();
                step();
            } else {
                finish(DnsMessage.NOERROR, List.of());
            }
        }

        private List<Ipv4Address> cachedAddresses(List<DnsRecord> ns) {
            List<Ipv4Address> addresses = new ArrayList<>();
            for (DnsRecord r : ns) {
                List<DnsRecord> a = cache.get(((DnsRdata.Ns) r.data()).host(), DnsType.A);
                if (a != null) for (DnsRecord x : a) addresses.add(((DnsRdata.A) x.data()).address());
            }
            return addresses;
        }

        /** Asks the servers of {@code zone}, {@code attempt} counting over all of them, twice round. */
        private void ask(DnsName zone, List<Ipv4Address> servers, int attempt) {
            if (servers.isEmpty() || attempt >= 2 * servers.size() || ++queries[0] > MAX_QUERIES) {
                finish(DnsMessage.SERVFAIL, List.of());
                return;
            }
            Ipv4Address to = servers.get(attempt % servers.size());
            DnsMessage query = DnsMessage.query(random.nextInt(0x10000), new DnsQuestion(name, type), false);
            DnsClient.Handler handler = new DnsClient.Handler() {
                @Override
                public void answered(DnsMessage response, int size) {
                    if (response.truncated()) {
                        DnsClient.tcp(host, DnsClient.server(to), query, TIMEOUT, new DnsClient.Handler() {
                            @Override
                            public void answered(DnsMessage full, int fullSize) { handle(zone, servers, attempt, full); }

                            @Override
                            public void failed(String reason) { ask(zone, servers, attempt + 1); }
                        });
                    } else {
                        handle(zone, servers, attempt, response);
                    }
                }

                @Override
                public void failed(String reason) { ask(zone, servers, attempt + 1); }
            };
            DnsClient.udp(host, DnsClient.server(to), query, TIMEOUT, handler);
        }

        private void handle(DnsName zone, List<Ipv4Address> servers, int attempt, DnsMessage response) {
            DnsRecord soa = StubResolver.soaOf(response);
            if (response.rcode() == DnsMessage.NXDOMAIN) {
                cache.putNegative(name, -1, soa);
                finish(DnsMessage.NXDOMAIN, soa == null ? List.of() : List.of(soa));
                return;
            }
            if (response.rcode() != DnsMessage.NOERROR) {
                ask(zone, servers, attempt + 1);
                return;
            }
            List<DnsRecord> inZone = response.answers().stream().filter(r -> r.name().isSubdomainOf(zone)).toList();
            List<DnsRecord> part = StubResolver.chain(new DnsQuestion(name, type), inZone);
            if (part != null) {
                cache.put(inZone);
                // addresses of the name servers or mail exchangers answered, as far as this server may vouch for them
                cache.put(response.additionals().stream()
                        .filter(r -> r.type() == DnsType.A && r.name().isSubdomainOf(zone)).toList());
                chain.addAll(part);
                finish(DnsMessage.NOERROR, List.of());
                return;
            }
            List<DnsRecord> aliases = aliasChain(inZone);
            if (!aliases.isEmpty()) {
                cache.put(aliases);
                chain.addAll(aliases);
                afterAnswer(aliases);
                return;
            }
            if (soa != null || response.authoritative()) {
                cache.putNegative(name, type, soa);
                finish(DnsMessage.NOERROR, soa == null ? List.of() : List.of(soa));
                return;
            }
            List<DnsRecord> ns = new ArrayList<>();
            DnsName cut = null;
            for (DnsRecord r : response.authorities()) {
                if (r.type() != DnsType.NS || !name.isSubdomainOf(r.name()) || !r.name().isSubdomainOf(zone)
                        || r.name().labelCount() <= zone.labelCount()) continue;
                if (cut == null) cut = r.name();
                if (r.name().equals(cut)) ns.add(r);
            }
            if (cut == null) {
                ask(zone, servers, attempt + 1); // neither answer nor referral: a lame server
                return;
            }
            DnsName child = cut;
            List<DnsRecord> glue = response.additionals().stream()
                    .filter(r -> r.type() == DnsType.A && r.name().isSubdomainOf(zone)).toList();
            follow(child, ns, glue);
        }

        /** Goes down to the servers of {@code cut}: their glue addresses, or else their names resolved first. */
        private void follow(DnsName cut, List<DnsRecord> ns, List<DnsRecord> glue) {
            cache.put(ns);
            cache.put(glue);
            List<Ipv4Address> addresses = new ArrayList<>();
            for (DnsRecord r : ns) {
                DnsName host = ((DnsRdata.Ns) r.data()).host();
                for (DnsRecord g : glue) {
                    if (g.name().equals(host) && g.data() instanceof DnsRdata.A a) addresses.add(a.address());
                }
            }
            if (!addresses.isEmpty()) {
                ask(cut, addresses, 0);
                return;
            }
            if (depth >= MAX_DEPTH) {
                finish(DnsMessage.SERVFAIL, List.of());
                return;
            }
            DnsName nsHost = ((DnsRdata.Ns) ns.get(0).data()).host();
            new Resolution(nsHost, DnsType.A, depth + 1, queries, outcome -> {
                List<Ipv4Address> found = new ArrayList<>();
                for (DnsRecord r : outcome.answers()) if (r.data() instanceof DnsRdata.A a) found.add(a.address());
                if (found.isEmpty()) finish(DnsMessage.SERVFAIL, List.of());
                else ask(cut, found, 0);
            }).step();
        }

        /** The CNAMEs in {@code answers} that lead on from the name being resolved. */
        private List<DnsRecord> aliasChain(List<DnsRecord> answers) {
            List<DnsRecord> aliases = new ArrayList<>();
            DnsName current = name;
            for (int hops = 0; hops <= DnsCache.MAX_CHAIN; hops++) {
                DnsRecord next = null;
                for (DnsRecord r : answers) if (r.name().equals(current) && r.type() == DnsType.CNAME) next = r;
                if (next == null) break;
                aliases.add(next);
                current = ((DnsRdata.Cname) next.data()).target();
            }
            return aliases;
        }

        private void finish(int rcode, List<DnsRecord> authorities) {
            done.accept(new Outcome(rcode, List.copyOf(chain), authorities));
        }
    }
}
