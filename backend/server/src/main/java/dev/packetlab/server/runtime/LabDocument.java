package dev.packetlab.server.runtime;

import dev.packetlab.server.labs.LabFileReader;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.lab.LabParser;
import dev.packetlab.stack.lab.LinkSpec;
import dev.packetlab.stack.lab.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A lab file as a tree (maps, lists, scalars, as YAML reads it) together with the lab it describes. Topology edits
 * are made to the tree, in the lab file's own words, and the edited tree goes through the same {@link LabParser} as a
 * file: an edit is valid exactly when the lab file it produces is, and its errors name the place in that file
 * ({@code links[1].delay: expected a duration such as 1ms...}). Exporting an instance is writing the tree back.
 *
 * <p>Immutable: every edit returns a new document.
 */
public final class LabDocument {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String fileName;
    private final Map<String, Object> tree;
    private final Lab lab;

    private LabDocument(String fileName, Map<String, Object> tree, Lab lab) {
        this.fileName = fileName;
        this.tree = tree;
        this.lab = lab;
    }

    /**
     * Reads a lab file's text.
     *
     * @throws LabException naming the file, the place in it and what is wrong
     */
    @SuppressWarnings("unchecked")
    public static LabDocument read(String fileName, String text) {
        Lab lab = LabFileReader.read(fileName, text);
        Map<String, Object> tree = (Map<String, Object>) copy(YAML.readValue(text, Object.class));
        return new LabDocument(fileName, tree, lab);
    }

    /** The lab of an instance created from nothing: no nodes yet, to be built by edits. */
    public static String emptyLabFile() {
        return """
                id: untitled
                title: {en: "Untitled lab", ko: "제목 없는 실습"}
                seed: 1
                nodes: []
                links: []
                """;
    }

    public String fileName() { return fileName; }

    public Lab lab() { return lab; }

    /** The lab file as YAML text, as it stands after every edit. */
    public String toYaml() {
        return YAML.writeValueAsString(tree);
    }

    /**
     * Sets link keys ({@code delay}, {@code up}…) on the link named {@code link} ({@code pc1:eth0-sw1:p1}).
     *
     * @throws NotFoundException when no link has that name
     * @throws LabException      when the edited lab file is not valid
     */
    public LabDocument withLinkSet(String link, Map<String, Object> set) {
        int index = linkIndex(link);
        Map<String, Object> t = copyTree();
        Map<String, Object> l = map(links(t).get(index));
        for (Map.Entry<String, Object> e : set.entrySet()) {
            if (e.getKey().equals("a") || e.getKey().equals("b")) {
                throw new LabException(fileName, List.of(new LabError("links[" + index + "]." + e.getKey(),
                        "the ends of a link cannot change while the lab runs; remove the node instead")));
            }
            l.put(e.getKey(), copy(e.getValue()));
        }
        links(t).set(index, l);
        return parse(t);
    }

    /**
     * Adds a node written as in a lab file.
     *
     * @throws LabException when the edited lab file is not valid
     */
    public LabDocument withNode(Map<String, Object> node) {
        Map<String, Object> t = copyTree();
        List<Object> nodes = list(t, "nodes");
        nodes.add(copy(node));
        return parse(t);
    }

    /**
     * Node keys that can change while a lab runs: addresses and interfaces, routes, name servers and hosts lines,
     * services, sysctls, and where the UI draws the node.
     */
    public static final java.util.Set<String> LIVE_NODE_KEYS = java.util.Set.of("ip", "interfaces", "gateway", "routes",
            "dns", "hosts", "services", "sysctl", "position");

    /**
     * Sets keys of a node as a lab file writes them ({@code ip}, {@code interfaces}, {@code gateway}, {@code routes},
     * {@code dns}, {@code hosts}, {@code services}, {@code sysctl}, {@code position}); a null value removes the key (no
     * gateway, no name servers, no services, no sysctls of its own). An interface left out of {@code interfaces} is taken off, unless a cable is
     * plugged into it (remove the link first) or a gateway or route still goes through its subnet (the lab file's own
     * rule); the interfaces that stay keep their order, and an address can change but not go away.
     *
     * @throws NotFoundException when there is no such node
     * @throws LabException      when the edited lab file is not valid, or the edit changes what cannot change
     */
    public LabDocument withNodeSet(String node, Map<String, Object> set) {
        NodeSpec before = lab.node(node);
        if (before == null) throw new NotFoundException("node", node);
        int index = lab.nodes().indexOf(before);
        String path = "nodes[" + index + "]";
        Map<String, Object> t = copyTree();
        List<Object> nodes = list(t, "nodes");
        Map<String, Object> m = null;
        for (Object n : nodes) if (n instanceof Map<?, ?> nm && node.equals(nm.get("id"))) m = map(n);
        for (Map.Entry<String, Object> e : set.entrySet()) {
            if (!LIVE_NODE_KEYS.contains(e.getKey())) {
                throw new LabException(fileName, List.of(new LabError(path + "." + e.getKey(), "cannot change while the "
                        + "lab runs (these can: " + String.join(", ", new java.util.TreeSet<>(LIVE_NODE_KEYS))
                        + "); export the lab file, edit it and start it again")));
            }
            if (e.getValue() == null) m.remove(e.getKey());
            else m.put(e.getKey(), copy(e.getValue()));
        }
        // a node's interfaces written out in full take the place of the one-interface shorthand
        if (set.get("interfaces") != null && !set.containsKey("ip")) m.remove("ip");
        if (set.get("interfaces") instanceof List<?> listed && before.kind().speaksIp()) checkNoCableOnRemoved(before, path, listed);
        LabDocument edited = parse(t);
        NodeSpec after = edited.lab().node(node);
        List<String> names = before.interfaces().stream().map(NodeSpec.InterfaceSpec::name).toList();
        List<String> afterNames = after.interfaces().stream().map(NodeSpec.InterfaceSpec::name).toList();
        List<String> kept = afterNames.stream().filter(names::contains).toList();
        if (!kept.equals(names.stream().filter(afterNames::contains).toList())) {
            throw new LabException(fileName, List.of(new LabError(path + (set.containsKey("ip") ? ".ip" : ".interfaces"),
                    "the interfaces " + String.join(", ", names) + " keep their order while the lab runs; change "
                    + "their ip, add others after them or leave one out to remove it")));
        }
        for (int i = 0; i < after.interfaces().size(); i++) {
            NodeSpec.InterfaceSpec a = after.interfaces().get(i);
            NodeSpec.InterfaceSpec b = before.interfaces().stream().filter(x -> x.name().equals(a.name())).findFirst()
                    .orElse(null);
            if (b != null && b.ip() != null && a.ip() == null) {
                throw new LabException(fileName, List.of(new LabError(path + (set.containsKey("ip") ? ".ip"
                        : ".interfaces[" + i + "].ip"), a.name() + " keeps an address while the lab runs; give it another one")));
            }
        }
        return edited;
    }

    /**
     * An interface left out of a node's new {@code interfaces} list is taken off; one with a cable cannot be: the
     * link would be left with an end that does not exist.
     */
    private void checkNoCableOnRemoved(NodeSpec before, String path, List<?> interfaces) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Object o : interfaces) if (o instanceof Map<?, ?> i && i.get("name") instanceof String n) listed.add(n);
        for (NodeSpec.InterfaceSpec i : before.interfaces()) {
            if (listed.contains(i.name())) continue;
            for (LinkSpec link : lab.links()) {
                boolean a = link.aNode().equals(before.id()) && link.aInterface().equals(i.name());
                boolean b = link.bNode().equals(before.id()) && link.bInterface().equals(i.name());
                if (a || b) {
                    throw new LabException(fileName, List.of(new LabError(path + ".interfaces", before.id() + ":"
                            + i.name() + " has a cable (" + link.name() + "); remove the link before the interface")));
                }
            }
        }
    }

    /**
     * Removes a node and every link to it. The ends of the remaining links are written out as {@code node:interface}
     * so that no switch port is renumbered by the removal.
     *
     * @throws NotFoundException when there is no such node
     */
    public LabDocument withoutNode(String node) {
        if (lab.node(node) == null) throw new NotFoundException("node", node);
        Map<String, Object> t = copyTree();
        List<Object> nodes = list(t, "nodes");
        nodes.removeIf(n -> n instanceof Map<?, ?> m && node.equals(m.get("id")));
        List<Object> links = links(t);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            LinkSpec spec = lab.links().get(i);
            if (spec.aNode().equals(node) || spec.bNode().equals(node)) continue;
            Map<String, Object> l = map(links.get(i));
            l.put("a", spec.aNode() + ":" + spec.aInterface());
            l.put("b", spec.bNode() + ":" + spec.bInterface());
            kept.add(l);
        }
        t.put("links", kept);
        return parse(t);
    }

    /**
     * Adds a link written as in a lab file.
     *
     * @throws LabException when the edited lab file is not valid
     */
    public LabDocument withLink(Map<String, Object> link) {
        Map<String, Object> t = copyTree();
        links(t).add(copy(link));
        return parse(t);
    }

    /**
     * Removes the link named {@code name}; the ends of the others are written out as {@code node:interface}, so no
     * switch port is renumbered.
     *
     * @throws NotFoundException when no link has that name
     */
    public LabDocument withoutLink(String name) {
        int index = linkIndex(name);
        Map<String, Object> t = copyTree();
        List<Object> links = links(t);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            if (i == index) continue;
            LinkSpec spec = lab.links().get(i);
            Map<String, Object> l = map(links.get(i));
            l.put("a", spec.aNode() + ":" + spec.aInterface());
            l.put("b", spec.bNode() + ":" + spec.bInterface());
            kept.add(l);
        }
        t.put("links", kept);
        return parse(t);
    }

    /** The position of the link named {@code name} in the file's {@code links:} list. */
    public int linkIndex(String name) {
        List<LinkSpec> links = lab.links();
        for (int i = 0; i < links.size(); i++) if (links.get(i).name().equals(name)) return i;
        throw new NotFoundException("link", name);
    }

    private LabDocument parse(Map<String, Object> t) {
        return new LabDocument(fileName, t, LabParser.parse(fileName, t));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> copyTree() {
        return (Map<String, Object>) copy(tree);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> links(Map<String, Object> t) {
        return list(t, "links");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> t, String key) {
        Object v = t.get(key);
        if (v instanceof List<?> l) return (List<Object>) l;
        List<Object> fresh = new ArrayList<>();
        t.put(key, fresh);
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** A deep copy of a mapping of a lab file's tree (a node as a request wrote it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyMap(Map<String, Object> map) {
        return (Map<String, Object>) copy(map);
    }

    /** A deep, mutable copy of a YAML tree. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(String.valueOf(k), copy(v)));
            return c;
        }
        if (value instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object o : l) c.add(copy(o));
            return c;
        }
        return value;
    }
}
