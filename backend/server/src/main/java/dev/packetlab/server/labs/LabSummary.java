package dev.packetlab.server.labs;

/**
 * One lab in the catalogue, as {@code GET /api/labs} returns it.
 *
 * @param nodes how many nodes (hosts, switches, hubs, routers) the lab's topology has
 */
public record LabSummary(String id, LocalizedText title, LocalizedText summary, int nodes) {}
