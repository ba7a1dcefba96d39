package dev.packetlab.server.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LabFileReaderTest {
    static Stream<Path> shippedLabs() throws IOException {
        return Files.list(Path.of("../../labs")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedLabs")
    void everyShippedLabParsesAndBuilds(Path file) throws IOException {
        Lab lab = LabFileReader.read(file.toString(), Files.readString(file));
        assertThat(LabBuilder.build(file.toString(), lab).network().nodes()).hasSize(lab.nodes().size());
        assertThat(lab.title().ko()).isNotBlank();
        assertThat(lab.steps()).allSatisfy(s -> assertThat(s.text().ko()).isNotBlank());
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineAndColumn() {
        assertThatThrownBy(() -> LabFileReader.read("lab.yaml", "id: x\nnodes: [ {id: pc1\n"))
                .isInstanceOf(LabException.class)
                .hasMessage("lab.yaml: line 2, column 18: not valid YAML: while parsing a flow mapping: "
                        + "expected ',' or '}', but got <stream end>");
    }

    @Test
    void aSemanticErrorInYamlNamesThePath() {
        assertThatThrownBy(() -> LabFileReader.read("lab.yaml", """
                id: x
                title: X
                nodes:
                  - {id: pc1, kind: host, ip: 10.0.0.1/24, gateway: 10.9.0.1}
                """))
                .isInstanceOf(LabException.class)
                .hasMessage("lab.yaml: nodes[0].gateway: 10.9.0.1 is not on any subnet of pc1 (10.0.0.0/24)");
    }

    @Test
    void anEmptyFileIsReportedAsSuch() {
        assertThatThrownBy(() -> LabFileReader.read("lab.yaml", "")).hasMessage("lab.yaml: (top): the file is empty");
    }
}
