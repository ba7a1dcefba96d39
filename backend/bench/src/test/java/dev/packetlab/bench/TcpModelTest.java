package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The bench's TCP is ns-3's model, down to the rules where ns-3 departs from the RFCs PacketLab's labs follow. */
class TcpModelTest {
    @Test
    void sackRecoveryTakesSsthreshFromThePipeAsNs3Does() {
        Host host = new Host(new Network(new Simulation(1)), "A", false);

        TcpModel.install(host);

        assertThat(host.sysctl().get("net.ipv4.tcp_sack").value()).isEqualTo(1);
        assertThat(host.sysctl().get("net.ipv4.tcp_ssthresh_from_pipe").value()).isEqualTo(1);
        assertThat(host.sysctl().get("net.ipv4.tcp_ssthresh_from_pipe").defaultValue()).isEqualTo(0);
    }
}
