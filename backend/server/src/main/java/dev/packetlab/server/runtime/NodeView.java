package dev.packetlab.server.runtime;

import java.util.List;

/** A node as the UI draws it: its kind and interfaces with their addresses and state. */
public record NodeView(String id, String kind, List<InterfaceView> interfaces, String gateway) {

    /**
     * @param ip   address with prefix length ({@code 10.0.0.1/24}), null for switch ports and unnumbered interfaces
     * @param link the name of the cable plugged in, or null
     */
    public record InterfaceView(String name, String mac, String ip, boolean up, String link) {}
}
