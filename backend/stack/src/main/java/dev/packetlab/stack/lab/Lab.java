package dev.packetlab.stack.lab;

import dev.packetlab.stack.lab.check.Check;
import java.util.List;
import java.util.Map;

/**
 * A lab as written in a lab file, after validation: addresses parsed, units converted, every link end resolved to
 * a named interface. The reference is {@code docs/lab-format.md}.
 */
public record Lab(String id, LocalizedText title, LocalizedText summary, long seed, List<NodeSpec> nodes,
                  List<LinkSpec> links, List<Step> steps, Map<String, String> sysctl) {

    /** The node with this id, or null. */
    public NodeSpec node(String id) {
        for (NodeSpec n : nodes) if (n.id().equals(id)) return n;
        return null;
    }

    /**
     * A guided step: what to do, an optional hint, and the check that confirms it from what happened on the network
     * ({@code null} for a step without one).
     */
    public record Step(LocalizedText text, LocalizedText hint, Check check) {}
}
