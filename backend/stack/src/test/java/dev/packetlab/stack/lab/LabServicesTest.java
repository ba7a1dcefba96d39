package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.l;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.m;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services written in a lab file start with the lab; a wrong one is reported at its path. */
class LabServicesTest {

    @Test
    void anUnknownServiceIsReportedWithItsPath() {
        Map<String, Object> web = host("web", "10.0.0.80/24");
        web.put("services", l(m("gopher", m("port", 70))));
        Lab parsed = LabParser.parse("lab.yaml", lab(web));

        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", parsed))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].services[0].gopher: unknown service \"gopher\"");
    }
}
