package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.Ipv4Address;
import org.junit.jupiter.api.Test;

/** dig prints as dig 9.18 does (tabs shown as →), with times in simulated milliseconds. */
class DigTest {
    private final DnsFixture f = new DnsFixture();

    @Test
    void anAnswerIsPrintedWithHeaderFlagsSectionsQueryTimeServerAndSize() {
        int id = f.idAfter(0);

        assertThat(f.run("dig www.example.lab")).isEqualTo("""

                ; <<>> DiG 9.18-PacketLab <<>> www.example.lab
                ;; global options: +cmd
                ;; Got answer:
                ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: %d
                ;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0

                ;; QUESTION SECTION:
                ;www.example.lab.→→IN→A

                ;; ANSWER SECTION:
                www.example.lab.→300→IN→A→10.0.1.80

                ;; Query time: 32 msec
                ;; SERVER: 10.0.0.53#53(10.0.0.53) (UDP)
                ;; MSG SIZE  rcvd: 49

                """.formatted(id));
    }

    @Test
    void theQueryTimeIsTheSimulatedRoundTrip() {
        f.run("dig www.example.lab"); // ARP and the resolver's cache are warm now: two 1 ms links each way
        assertThat(f.run("dig www.example.lab")).contains(";; Query time: 4 msec");
    }

    @Test
    void anAuthorityThatDoesNotRecurseIsAnsweredWithAaAndAWarning() {
        String out = f.run("dig @10.0.0.4 www.example.lab");

        assertThat(out).contains("; (1 server found)\n", ";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n"
                + ";; WARNING: recursion requested but not available\n", ";; SERVER: 10.0.0.4#53(10.0.0.4) (UDP)");
    }

    @Test
    void norecurseClearsRdAndTheWarningGoes() {
        String out = f.run("dig @10.0.0.4 example.lab MX +norec");

        assertThat(out).contains(";; flags: qr aa; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n\n",
                ";; ANSWER SECTION:\nexample.lab.→→3600→IN→MX→10 mail.example.lab.\n",
                ";; ADDITIONAL SECTION:\nmail.example.lab.→3600→IN→A→10.0.1.25\n");
        assertThat(out).doesNotContain("WARNING");
    }

    @Test
    void aMissingNameShowsNxdomainAndTheSoaInTheAuthoritySection() {
        String out = f.run("dig nowhere.example.lab");

        assertThat(out).contains("status: NXDOMAIN", ";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0",
                ";; AUTHORITY SECTION:\nexample.lab.→→300→IN→SOA→ns.example.lab. hostmaster.example.lab. 1 3600 900 604800 300\n");
        assertThat(f.t.lastExitCode).isZero();
    }

    @Test
    void shortPrintsOnlyTheData() {
        assertThat(f.run("dig +short web.example.lab")).isEqualTo("www.example.lab.\n10.0.1.80\n");
    }

    @Test
    void aTypeAfterTheNameIsAskedFor() {
        assertThat(f.run("dig +short www.example.lab AAAA")).isEqualTo("2001:db8::80\n");
    }

    @Test
    void minusXAsksForThePtrRecordOfTheAddress() {
        assertThat(f.run("dig -x 10.0.1.80 +short")).isEqualTo("www.example.lab.\n");
    }

    @Test
    void tcpAsksOverTcpAndSaysSo() {
        String out = f.run("dig +tcp www.example.lab");

        assertThat(out).contains(";; SERVER: 10.0.0.53#53(10.0.0.53) (TCP)");
        assertThat(f.t.sentBy("pc1").stream().filter(e -> dev.packetlab.stack.testing.Frames.isTcp(e.frame())).count())
                .isGreaterThanOrEqualTo(3); // SYN, the query, ACKs and FIN
    }

    @Test
    void aTruncatedAnswerIsAskedAgainInTcpMode() {
        String out = f.run("dig big.example.lab");

        assertThat(out).startsWith(";; Truncated, retrying in TCP mode.\n");
        assertThat(out).contains("ANSWER: 40,", ";; SERVER: 10.0.0.53#53(10.0.0.53) (TCP)");
    }

    @Test
    void aSilentServerIsTriedAsOftenAsToldAndDigGivesUpWithStatus9() {
        long start = f.t.sim.now();
        String out = f.run("dig @10.0.0.9 www.example.lab +tries=2 +time=1");

        assertThat(out).isEqualTo("""
                ;; communications error to 10.0.0.9#53: timed out
                ;; communications error to 10.0.0.9#53: timed out

                ; <<>> DiG 9.18-PacketLab <<>> @10.0.0.9 www.example.lab +tries=2 +time=1
                ; (1 server found)
                ;; global options: +cmd
                ;; no servers could be reached

                """);
        assertThat(f.t.lastExitCode).isEqualTo(9);
        long end = f.t.events(TraceEvent.TerminalOutput.class).getLast().time();
        assertThat(end - start).isEqualTo(SimTime.seconds(2));
    }

    @Test
    void traceWalksFromTheRootToTheAuthorityShowingEachStep() {
        assertThat(f.run("dig +trace www.example.lab")).isEqualTo("""

                ; <<>> DiG 9.18-PacketLab <<>> +trace www.example.lab
                ;; global options: +cmd
                .→→→3600→IN→NS→a.root-servers.lab.
                ;; Received 64 bytes from 10.0.0.53#53(10.0.0.53) in 16 ms

                lab.→→→3600→IN→NS→ns.lab.
                ;; Received 66 bytes from 10.0.0.2#53(a.root-servers.lab) in 8 ms

                example.lab.→→3600→IN→NS→ns.example.lab.
                ;; Received 66 bytes from 10.0.0.3#53(ns.lab) in 8 ms

                www.example.lab.→300→IN→A→10.0.1.80
                ;; Received 49 bytes from 10.0.0.4#53(ns.example.lab) in 8 ms

                """);
    }

    @Test
    void traceAsksEachServerWithoutRecursionAndOnlyThePrimingQueryWithIt() {
        f.run("dig +trace www.example.lab");

        var queries = f.t.sentBy("pc1").stream().map(e -> dev.packetlab.stack.testing.Frames.ip(e.frame()))
                .filter(ip -> ip.protocol() == 17).map(ip -> ip.destination().toString()).toList();
        assertThat(queries).containsExactly("10.0.0.53", "10.0.0.2", "10.0.0.3", "10.0.0.4");
    }

    @Test
    void recordsLineUpOnBindsTabStopsAndAFieldPastItsStopGetsOneSpace() {
        DnsRecord longName = new DnsRecord(DnsName.parse("a-rather-long-host-name.example.lab"), 60,
                new DnsRdata.A(Ipv4Address.parse("10.0.0.1")));
        // as BIND's masterdump indents: past column 24 the TTL follows after one space, and "A" after "IN" too
        assertThat(Dig.record(longName)).isEqualTo("a-rather-long-host-name.example.lab. 60\tIN A\t10.0.0.1");
        assertThat(Dig.question(new dev.packetlab.stack.wire.DnsQuestion(DnsName.parse("example.lab"), 15)))
                .isEqualTo(";example.lab.\t\t\tIN\tMX");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        String out = f.run("dig +bogus www.example.lab");

        assertThat(out).startsWith("dig: invalid option: +bogus\nusage: dig");
        assertThat(f.t.lastExitCode).isEqualTo(2);
    }
}
