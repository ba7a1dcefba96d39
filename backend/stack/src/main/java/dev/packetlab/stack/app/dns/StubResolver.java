package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimRandom;
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
 * A node's stub resolver: the name servers its {@code /etc/resolv.conf} would list (a lab's {@code dns:}), a cache,
 * and the retry loop of glibc's res_send. A query goes over UDP to the first server; without an answer within
 * {@code net.dns.timeout} seconds it goes to the next server, and the round over all servers is made
 * {@code net.dns.attempts} times (CONFORMANCE 26: 2 s, the first try and two retries, so with one silent server the
 * queries leave at 0, 2 and 4 s and the lookup fails at 6 s). An answer with TC set is asked again over TCP
 * (RFC 1035 4.2.1); SERVFAIL and REFUSED move on to the next server, as glibc does.
 *
 * <p>Unlike glibc, which has none, this resolver caches, as systemd-resolved and nscd do for a real host: answers
 * for their TTL and NXDOMAIN/NODATA for the SOA's negative TTL (RFC 2308), so a repeated lookup makes no traffic.
 */
public final class StubResolver {
    /** How a lookup ended. */
    public enum Outcome {
        /** Records of the type asked for (and any CNAMEs leading to them). */
        ANSWER,
        /** The name does not exist. */
        NXDOMAIN,
        /** The name exists but has no record of the type asked for. */
        NODATA,
        /** Every server that answered said SERVFAIL, REFUSED or the like. */
        SERVER_FAILURE,
        /** No server answered at all (or none is configured). */
        NO_ANSWER
    }

    /**
     * @param records   the answer's records (CNAME chain first), or the SOA for a negative answer when there was one
     * @param server    who answered, or null from the cache or when nobody did
     * @param fromCache whether no query was sent
     */
    public record Result(Outcome outcome, List<DnsRecord> records, Ipv4Address server, boolean fromCache) {
        /** The IPv4 addresses among the records, in order. */
        public List<Ipv4Address> addresses() {
            List<Ipv4Address> a = new ArrayList<>();
            for (DnsRecord r : records) if (r.data() instanceof DnsRdata.A x) a.add(x.address());
            return a;
        }
    }

    /** Where a lookup continues. */
    public interface Answer {
        void done(Result result);
    }

    private final Host host;
    private List<Ipv4Address> servers;
    private final Sysctl.Tunable timeout;
    private final Sysctl.Tunable attempts;
    private final DnsCache cache;
    private final SimRandom random;

    private StubResolver(Host host, List<Ipv4Address> servers) {
        this.host = host;
        this.servers = List.copyOf(servers);
        this.timeout = host.sysctl().define("net.dns.timeout", 2, 1, 30, "s",
                "seconds the stub resolver waits for an answer before trying again (resolv.conf's timeout:)");
        this.attempts = host.sysctl().define("net.dns.attempts", 3, 1, 5, "",
                "times the stub resolver sends a query to each server: the first try and the retries");
        this.cache = new DnsCache(host.network().simulation());
        this.random = host.network().simulation().random("dns-id/" + host.name());
    }

    /** Gives {@code host} a stub resolver asking {@code servers} in order (none: only /etc/hosts and literals work). */
    public static StubResolver install(Host host, List<Ipv4Address> servers) {
        StubResolver r = new StubResolver(host, servers);
        host.provide(StubResolver.class, r);
        return r;
    }

    /** The stub resolver of {@code node}, or null. */
    public static StubResolver of(Node node) {
        return node.service(StubResolver.class);
    }

    public List<Ipv4Address> servers() { return servers; }

    /**
     * Gives the resolver a new list of name servers (resolv.conf edited): the next lookup asks them; a lookup under
     * way goes on with the servers it started with. When the list changes the cache is flushed, as systemd-resolved
     * flushes a link's cache when the server it used goes from the list: answers from the old servers might not be
     * what the new ones say, and a learner who changed the server expects the next {@code dig} to ask it.
     */
    public void setServers(List<Ipv4Address> servers) {
        List<Ipv4Address> next = List.copyOf(servers);
        if (next.equals(this.servers)) return;
        this.servers = next;
        cache.clear();
    }

    /** The wait for each answer, in nanoseconds. */
    public long timeout() { return timeout.value() * SimTime.SECOND; }

    public int attempts() { return (int) attempts.value(); }

    public DnsCache cache() { return cache; }

    /** A fresh query ID: random, as RFC 5452 9.2 asks, from the node's own seeded stream. */
    public int nextId() { return random.nextInt(0x10000); }

    /** Looks up {@code type} records of {@code name}: from the cache, or by asking the servers. */
    public void resolve(DnsName name, int type, Answer answer) {
        DnsCache.Negative negative = cache.negative(name, type);
        if (negative != null) {
            answer.done(new Result(negative.nameError() ? Outcome.NXDOMAIN : Outcome.NODATA, List.of(negative.soa()),
                    null, true));
            return;
        }
        List<DnsRecord> cached = cache.answer(name, type);
        if (cached != null) {
            answer.done(new Result(Outcome.ANSWER, cached, null, true));
            return;
        }
        if (servers.isEmpty()) {
            answer.done(new Result(Outcome.NO_ANSWER, List.of(), null, false));
            return;
        }
        new Lookup(new DnsQuestion(name, type), answer).tryNext();
    }

    /** One lookup's walk over servers and attempts. */
    private final class Lookup {
        final DnsQuestion question;
        final Answer answer;
        /** The servers when the lookup began: changing them later does not move a lookup under way. */
        final List<Ipv4Address> servers = StubResolver.this.servers;
        final int tries = servers.size() * attempts();
        int sent;
        Ipv4Address failedServer;

        Lookup(DnsQuestion question, Answer answer) {
            this.question = question;
            this.answer = answer;
        }

        void tryNext() {
            if (sent == tries) {
                answer.done(new Result(failedServer != null ? Outcome.SERVER_FAILURE : Outcome.NO_ANSWER, List.of(),
                        failedServer, false));
                return;
            }
            Ipv4Address server = servers.get(sent % servers.size());
            sent++;
            DnsMessage query = DnsMessage.query(nextId(), question, true);
            SocketAddress to = DnsClient.server(server);
            DnsClient.udp(host, to, query, timeout(), new DnsClient.Handler() {
                @Override
                public void answered(DnsMessage response, int size) {
                    if (!response.truncated()) {
                        handle(server, response);
                        return;
                    }
                    DnsClient.tcp(host, to, query, timeout(), new DnsClient.Handler() {
                        @Override
                        public void answered(DnsMessage full, int fullSize) { handle(server, full); }

                        @Override
                        public void failed(String reason) { tryNext(); }
                    });
                }

                @Override
                public void failed(String reason) { tryNext(); }
            });
        }

        void handle(Ipv4Address server, DnsMessage response) {
            DnsRecord soa = soaOf(response);
            switch (response.rcode()) {
                case DnsMessage.NXDOMAIN -> {
                    cache.putNegative(question.name(), -1, soa);
                    answer.done(new Result(Outcome.NXDOMAIN, soa == null ? List.of() : List.of(soa), server, false));
                }
                case DnsMessage.NOERROR -> {
                    List<DnsRecord> chain = chain(question, response.answers());
                    cache.put(response.answers());
                    if (chain != null) {
                        answer.done(new Result(Outcome.ANSWER, chain, server, false));
                    } else {
                        cache.putNegative(question.name(), question.type(), soa);
                        answer.done(new Result(Outcome.NODATA, soa == null ? List.of() : List.of(soa), server, false));
                    }
                }
                default -> {
                    failedServer = server;
                    tryNext();
                }
            }
        }
    }

    /** The SOA record of a negative answer's authority section, or null. */
    static DnsRecord soaOf(DnsMessage response) {
        for (DnsRecord r : response.authorities()) if (r.type() == DnsType.SOA) return r;
        return null;
    }

    /**
     * The records of {@code answers} that answer {@code q}: the CNAMEs from its name on and the records of its type
     * at the end of the chain; null when the chain does not end in one.
     */
    static List<DnsRecord> chain(DnsQuestion q, List<DnsRecord> answers) {
        List<DnsRecord> chain = new ArrayList<>();
        DnsName current = q.name();
        for (int hops = 0; hops <= DnsCache.MAX_CHAIN; hops++) {
            List<DnsRecord> found = new ArrayList<>();
            DnsRecord alias = null;
            for (DnsRecord r : answers) {
                if (!r.name().equals(current)) continue;
                if (r.type() == q.type() || q.type() == DnsType.ANY) found.add(r);
                else if (r.type() == DnsType.CNAME) alias = r;
            }
            if (!found.isEmpty()) {
                chain.addAll(found);
                return chain;
            }
            if (alias == null) return null;
            chain.add(alias);
            current = ((DnsRdata.Cname) alias.data()).target();
        }
        return null;
    }
}
