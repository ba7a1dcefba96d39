package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.sim.SimTime;

/** {@code show mac}: a switch's MAC address table, with the age of each entry. */
final class ShowMac implements Command {
    @Override
    public String name() { return "show"; }

    @Override
    public String summary() { return "show mac: the MAC address table (port behind each address)"; }

    @Override
    public String usage() { return "usage: show mac [address-table]"; }

    @Override
    public void run(Process p) {
        boolean mac = !p.args().isEmpty() && p.args().get(0).equals("mac")
                && (p.args().size() == 1 || p.args().size() == 2 && p.args().get(1).equals("address-table"));
        if (!mac) {
            p.usageError(p.args().isEmpty() ? "what to show? (mac)" : "cannot show \"" + String.join(" ", p.args()) + "\"");
            return;
        }
        Switch sw = (Switch) p.node();
        var rows = sw.macTable();
        p.println(String.format("%-19s %-6s %s", "MAC address", "Port", "Age"));
        long now = p.simulation().now();
        for (Switch.MacEntry e : rows) {
            p.println(String.format("%-19s %-6s %ss", e.mac(), e.port(), (now - e.lastSeen()) / SimTime.SECOND));
        }
        p.println(rows.size() + " entr" + (rows.size() == 1 ? "y" : "ies") + ", ageing time "
                + sw.ageingTime() / SimTime.SECOND + " s");
        p.exit(0);
    }
}
