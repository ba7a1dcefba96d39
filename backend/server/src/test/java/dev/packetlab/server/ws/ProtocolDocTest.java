package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/protocol.md shows every message the server can send, and every one a client may send, with an example. */
class ProtocolDocTest {
    static final Path DOC = Path.of("../../docs/protocol.md");

    @Test
    void everyMessageTypeTheServerSendsHasAnExampleInTheProtocolDoc() throws IOException {
        String doc = Files.readString(DOC);
        for (String type : Messages.TYPES) {
            assertThat(doc).as("an example of \"%s\" in %s", type, DOC).contains("{\"type\": \"" + type + "\"");
        }
    }

    @Test
    void everyMessageTypeAClientMaySendHasAnExampleInTheProtocolDoc() throws IOException {
        String doc = Files.readString(DOC);
        for (String type : LabSocketHandler.CLIENT_TYPES) {
            assertThat(doc).as("an example of \"%s\" in %s", type, DOC).contains("{\"type\": \"" + type + "\"");
        }
    }

    @Test
    void theServerRefusesToBuildAMessageOfAnUndocumentedType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Messages.message("secret"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
