package dev.packetlab.server.labs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The labs this server offers: every {@code labs/*.yaml} on the classpath (the repository's
 * {@code labs/} folder is packed into the jar there), read once at start-up.
 *
 * <p>Only the header fields the catalogue shows are read here (id, title, summary, the number of
 * nodes); the full lab model is built elsewhere. A broken lab file stops the start with a message
 * naming the file and the field, rather than a catalogue that silently lacks a lab.
 */
@Service
public class LabCatalog {

    static final String LOCATION = "classpath*:labs/*.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<LabSummary> labs;

    public LabCatalog() {
        this(new PathMatchingResourcePatternResolver(), LOCATION);
    }

    LabCatalog(ResourcePatternResolver resolver, String locationPattern) {
        this.labs = load(resolver, locationPattern);
    }

    /** Every lab, ordered by id. */
    public List<LabSummary> list() {
        return labs;
    }

    public Optional<LabSummary> find(String id) {
        return labs.stream().filter(lab -> lab.id().equals(id)).findFirst();
    }

    private static List<LabSummary> load(ResourcePatternResolver resolver, String locationPattern) {
        Resource[] resources;
        try {
            resources = resolver.getResources(locationPattern);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + locationPattern, e);
        }
        List<LabSummary> result = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Resource resource : resources) {
            String file = "labs/" + resource.getFilename();
            LabSummary lab;
            try (InputStream in = resource.getInputStream()) {
                lab = parse(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String previous = fileById.putIfAbsent(lab.id(), file);
            if (previous != null) {
                throw new LabFileException(file + ": id: \"" + lab.id() + "\" is already the id of " + previous);
            }
            result.add(lab);
        }
        result.sort(Comparator.comparing(LabSummary::id));
        return List.copyOf(result);
    }

    /** Reads the catalogue header of one lab file; {@code file} is only used in error messages. */
    static LabSummary parse(String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new LabFileException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LabFileException(file + ": expected a mapping with id, title, summary, nodes, links");
        }
        String id = requiredString(file, root, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new LabFileException(file + ": id: \"" + id + "\" must be lower-case letters, digits and '-'");
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new LabFileException(file + ": nodes: missing, expected a list of nodes");
        }
        return new LabSummary(id, localized(file, root, "title"), localized(file, root, "summary"), nodes.size());
    }

    private static LocalizedText localized(String file, JsonNode root, String field) {
        JsonNode text = root.get(field);
        if (text == null || !text.isObject()) {
            throw new LabFileException(file + ": " + field + ": missing, expected {en: ..., ko: ...}");
        }
        return new LocalizedText(requiredString(file, text, "en", field + "."), requiredString(file, text, "ko", field + "."));
    }

    private static String requiredString(String file, JsonNode parent, String field) {
        return requiredString(file, parent, field, "");
    }

    private static String requiredString(String file, JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new LabFileException(file + ": " + path + field + ": missing");
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new LabFileException(file + ": " + path + field + ": expected a non-empty text");
        }
        return value.stringValue();
    }
}
