package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nslookup and host print as BIND 9.18's do (tabs shown as →). */
class NslookupHostTest {
    private final DnsFixture f = new DnsFixture();

    @Test
    void nslookupNamesTheServerAndMarksARecursiveAnswerNonAuthoritative() {
        assertThat(f.run("nslookup web.example.lab")).isEqualTo("""
                Server:→→10.0.0.53
                Address:→10.0.0.53#53

                Non-authoritative answer:
                web.example.lab→canonical name = www.example.lab.
                Name:→www.example.lab
                Address: 10.0.1.80
                Name:→www.example.lab
                Address: 2001:db8::80

                """);
    }

    @Test
    void nslookupAskingTheAuthorityItselfGetsAnAuthoritativeAnswer() {
        assertThat(f.run("nslookup mail.example.lab 10.0.0.4")).isEqualTo("""
                Server:→→10.0.0.4
                Address:→10.0.0.4#53

                Name:→mail.example.lab
                Address: 10.0.1.25

                """);
    }

    @Test
    void nslookupSaysTheServerCannotFindAMissingName() {
        assertThat(f.run("nslookup nowhere.example.lab")).endsWith("** server can't find nowhere.example.lab: NXDOMAIN\n\n");
        assertThat(f.t.lastExitCode).isEqualTo(1);
    }

    @Test
    void nslookupOfAnAddressAsksForItsPtrName() {
        assertThat(f.run("nslookup 10.0.1.80")).contains("80.1.0.10.in-addr.arpa→name = www.example.lab.\n");
    }

    @Test
    void hostPrintsAliasesAddressesAndMailExchangersOneLineEach() {
        assertThat(f.t.run(f.pc1, "host web.example.lab")).isEqualTo("""
                web.example.lab is an alias for www.example.lab.
                www.example.lab has address 10.0.1.80
                www.example.lab has IPv6 address 2001:db8::80
                """);
        assertThat(f.t.run(f.pc1, "host example.lab")).isEqualTo("example.lab mail is handled by 10 mail.example.lab.\n");
    }

    @Test
    void hostSaysAMissingNameIsNotFoundWithTheRcode() {
        assertThat(f.t.run(f.pc1, "host nowhere.example.lab")).isEqualTo("Host nowhere.example.lab not found: 3(NXDOMAIN)\n");
        assertThat(f.t.lastExitCode).isEqualTo(1);
    }

    @Test
    void hostOfAnAddressPrintsItsDomainNamePointer() {
        assertThat(f.t.run(f.pc1, "host 10.0.1.80")).isEqualTo("80.1.0.10.in-addr.arpa domain name pointer www.example.lab.\n");
    }

    @Test
    void hostWithAServerSaysWhichServerItUses() {
        assertThat(f.t.run(f.pc1, "host -t MX example.lab 10.0.0.4")).isEqualTo("""
                Using domain server:
                Name: 10.0.0.4
                Address: 10.0.0.4#53
                Aliases:\s

                example.lab mail is handled by 10 mail.example.lab.
                """);
    }
}
