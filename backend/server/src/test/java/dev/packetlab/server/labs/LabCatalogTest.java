package dev.packetlab.server.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class LabCatalogTest {

    private static final String VALID = """
            id: tiny
            title: {en: "Tiny", ko: "작은"}
            summary: {en: "A tiny lab.", ko: "작은 실습."}
            nodes:
              - {id: pc1, kind: host}
              - {id: pc2, kind: host}
            links: []
            """;

    @Test
    void readsEveryShippedLabOrderedById() {
        var labs = new LabCatalog().list();

        assertThat(ShippedLabs.ids()).contains("hub-basics", "switch-basics", "two-routers");
        assertThat(labs).extracting(LabSummary::id).containsExactlyElementsOf(ShippedLabs.ids());
        LabSummary switchLab = labs.stream().filter(l -> l.id().equals("switch-basics")).findFirst().orElseThrow();
        assertThat(switchLab.nodes()).isEqualTo(3);
        assertThat(switchLab.title()).isEqualTo(new LocalizedText("Two hosts on a switch", "스위치에 연결된 두 호스트"));
    }

    @Test
    void findsALabById() {
        var catalog = new LabCatalog();
        assertThat(catalog.find("two-routers")).map(LabSummary::nodes).contains(7);
        assertThat(catalog.find("no-such-lab")).isEmpty();
    }

    @Test
    void parsesTheHeaderFieldsAndCountsNodes() {
        assertThat(LabCatalog.parse("labs/tiny.yaml", VALID)).isEqualTo(new LabSummary(
                "tiny", new LocalizedText("Tiny", "작은"), new LocalizedText("A tiny lab.", "작은 실습."), 2));
    }

    @Test
    void namesTheFileAndFieldOfAMissingTranslation() {
        String yaml = VALID.replace("title: {en: \"Tiny\", ko: \"작은\"}", "title: {en: \"Tiny\"}");
        assertThatThrownBy(() -> LabCatalog.parse("labs/tiny.yaml", yaml))
                .isInstanceOf(LabFileException.class)
                .hasMessage("labs/tiny.yaml: title.ko: missing");
    }

    @Test
    void rejectsALabWithoutANodeList() {
        String yaml = VALID.substring(0, VALID.indexOf("nodes:"));
        assertThatThrownBy(() -> LabCatalog.parse("labs/tiny.yaml", yaml))
                .hasMessage("labs/tiny.yaml: nodes: missing, expected a list of nodes");
    }

    @Test
    void rejectsAnIdThatIsNotUsableInALink() {
        assertThatThrownBy(() -> LabCatalog.parse("labs/tiny.yaml", VALID.replace("id: tiny", "id: Tiny Lab")))
                .hasMessage("labs/tiny.yaml: id: \"Tiny Lab\" must be lower-case letters, digits and '-'");
    }

    @Test
    void reportsBrokenYamlWithTheFileName() {
        assertThatThrownBy(() -> LabCatalog.parse("labs/tiny.yaml", "id: [unclosed"))
                .isInstanceOf(LabFileException.class)
                .hasMessageStartingWith("labs/tiny.yaml: not valid YAML: ");
    }

    @Test
    void rejectsTwoFilesWithTheSameId() {
        assertThatThrownBy(() -> new LabCatalog(
                        new PathMatchingResourcePatternResolver(), "classpath*:test-labs/duplicate/*.yaml"))
                .isInstanceOf(LabFileException.class)
                .hasMessageMatching("labs/(first|second)\\.yaml: id: \"same-id\" is already the id of labs/(first|second)\\.yaml");
    }
}
