package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4PrefixTest {
    @Test
    void aHostWithPrefixKeepsTheHostAddressAndOffersItsNetwork() {
        Ipv4Prefix p = Ipv4Prefix.parse("192.168.1.10/24");
        assertThat(p.address()).isEqualTo(Ipv4Address.parse("192.168.1.10"));
        assertThat(p.length()).isEqualTo(24);
        assertThat(p.network()).isEqualTo(Ipv4Address.parse("192.168.1.0"));
        assertThat(p.broadcast()).isEqualTo(Ipv4Address.parse("192.168.1.255"));
        assertThat(p.mask()).isEqualTo(0xffff_ff00);
        assertThat(p.netmask()).isEqualTo(Ipv4Address.parse("255.255.255.0"));
        assertThat(p).hasToString("192.168.1.10/24");
    }

    @Test
    void containsExactlyTheAddressesSharingThePrefixBits() {
        Ipv4Prefix p = Ipv4Prefix.parse("10.0.0.0/8");
        assertThat(p.contains(Ipv4Address.parse("10.255.0.1"))).isTrue();
        assertThat(p.contains(Ipv4Address.parse("10.0.0.0"))).isTrue();
        assertThat(p.contains(Ipv4Address.parse("11.0.0.0"))).isFalse();
        assertThat(p.contains(Ipv4Address.parse("9.255.255.255"))).isFalse();
        Ipv4Prefix odd = Ipv4Prefix.parse("172.16.5.4/20");
        assertThat(odd.network()).isEqualTo(Ipv4Address.parse("172.16.0.0"));
        assertThat(odd.broadcast()).isEqualTo(Ipv4Address.parse("172.16.15.255"));
        assertThat(odd.contains(Ipv4Address.parse("172.16.15.1"))).isTrue();
        assertThat(odd.contains(Ipv4Address.parse("172.16.16.1"))).isFalse();
    }

    @Test
    void slashZeroContainsEverythingAndSlash32OnlyItself() {
        Ipv4Prefix all = Ipv4Prefix.parse("0.0.0.0/0");
        assertThat(all.mask()).isZero();
        assertThat(all.contains(Ipv4Address.BROADCAST)).isTrue();
        assertThat(all.contains(Ipv4Address.parse("8.8.8.8"))).isTrue();
        Ipv4Prefix one = Ipv4Prefix.parse("10.0.0.1/32");
        assertThat(one.mask()).isEqualTo(0xffff_ffff);
        assertThat(one.network()).isEqualTo(one.address());
        assertThat(one.broadcast()).isEqualTo(one.address());
        assertThat(one.contains(Ipv4Address.parse("10.0.0.1"))).isTrue();
        assertThat(one.contains(Ipv4Address.parse("10.0.0.2"))).isFalse();
    }

    @Test
    void badTextIsRejectedWithAMessageAUserCanActOn() {
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1")).hasMessage("missing prefix length in \"10.0.0.1\" (e.g. 10.0.0.1/24)");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/33")).hasMessage("prefix length must be 0..32 in \"10.0.0.1/33\"");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/")).hasMessage("bad prefix length in \"10.0.0.1/\"");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/x")).hasMessage("bad prefix length in \"10.0.0.1/x\"");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/-1")).hasMessage("bad prefix length in \"10.0.0.1/-1\"");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/100")).hasMessage("bad prefix length in \"10.0.0.1/100\"");
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.300/24")).hasMessage("not an IPv4 address: \"10.0.0.300\"");
        assertThatThrownBy(() -> new Ipv4Prefix(Ipv4Address.ANY, 33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix length must be 0..32, got 33");
    }
}
