package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.sim.SimRandom;
import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void macAddressesParseAndPrintInLowerCaseColonForm() {
        assertThat(MacAddress.parse("02-00-00-AB-CD-EF").toString()).isEqualTo("02:00:00:ab:cd:ef");
        assertThat(MacAddress.BROADCAST.isBroadcast()).isTrue();
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
        assertThat(MacAddress.parse("02:00:00:00:00:01").isMulticast()).isFalse();
        assertThatThrownBy(() -> MacAddress.parse("02:00:00:00:01")).hasMessage("not a MAC address: \"02:00:00:00:01\"");
    }

    @Test
    void ipv4AddressesParseStrictly() {
        assertThat(Ipv4Address.parse("10.0.0.255").value()).isEqualTo(0x0a0000ff);
        assertThat(Ipv4Address.parse("255.255.255.255")).isEqualTo(Ipv4Address.BROADCAST);
        for (String bad : new String[] {"10.0.0", "10.0.0.256", "10.0.0.1.", "a.b.c.d", "", "1..2.3", "10.0.0.1 "}) {
            assertThatThrownBy(() -> Ipv4Address.parse(bad)).as(bad).hasMessage("not an IPv4 address: \"" + bad + "\"");
        }
    }

    @Test
    void aPrefixKeepsTheHostAndKnowsItsNetworkBroadcastAndMembers() {
        Ipv4Prefix p = Ipv4Prefix.parse("192.168.1.10/24");
        assertThat(p.address()).isEqualTo(Ipv4Address.parse("192.168.1.10"));
        assertThat(p.network()).isEqualTo(Ipv4Address.parse("192.168.1.0"));
        assertThat(p.broadcast()).isEqualTo(Ipv4Address.parse("192.168.1.255"));
        assertThat(p.contains(Ipv4Address.parse("192.168.1.200"))).isTrue();
        assertThat(p.contains(Ipv4Address.parse("192.168.2.1"))).isFalse();
        assertThat(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("8.8.8.8"))).isTrue();
        assertThat(Ipv4Prefix.parse("10.0.12.1/30").broadcast()).isEqualTo(Ipv4Address.parse("10.0.12.3"));
    }

    @Test
    void decodersNeverThrowOnRandomBytes() {
        SimRandom r = SimRandom.of(11, "fuzz");
        Ipv4Address a = Ipv4Address.parse("10.0.0.1");
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[r.nextInt(80)];
            for (int j = 0; j < b.length; j++) b[j] = (byte) r.nextInt(256);
            if (b.length > 0 && r.nextInt(2) == 0) b[0] = 0x45;
            int off = b.length == 0 ? 0 : r.nextInt(b.length);
            int len = b.length - off + r.nextInt(10) - 5;
            EthernetFrame.decode(b, off, len);
            ArpPacket.decode(b, off, len);
            Ipv4HeaderView.wrap(b, off, len).check();
            IcmpView.wrap(b, off, len).check();
            UdpHeaderView.wrap(b, off, len).check(a, a);
        }
    }
}
