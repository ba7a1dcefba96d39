package dev.packetlab.server.labs;

import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.lab.LabParser;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a lab file: YAML text to a plain tree with Jackson, then the stack's {@link LabParser} to the model. YAML
 * syntax errors are reported in the same {@code FILE: WHERE: WHAT} form as the parser's.
 */
public final class LabFileReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private LabFileReader() {}

    /**
     * @throws LabException naming the file, where in it and what is wrong
     */
    public static Lab read(String fileName, String text) {
        if (text.isBlank()) throw new LabException(fileName, List.of(new LabError("(top)", "the file is empty")));
        Object tree;
        try {
            tree = YAML.readValue(text, Object.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "(YAML)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new LabException(fileName, List.of(new LabError(where, "not valid YAML: " + summary(e.getOriginalMessage()))));
        }
        if (tree == null) throw new LabException(fileName, List.of(new LabError("(top)", "the file is empty")));
        return LabParser.parse(fileName, tree);
    }

    /**
     * The YAML parser's message on one line: its own lines without the quoted source excerpts and caret marks,
     * which repeat what the location already says.
     */
    private static String summary(String message) {
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .reduce((a, b) -> a + ": " + b).orElse(message);
    }
}
