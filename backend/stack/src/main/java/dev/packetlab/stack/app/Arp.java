package dev.packetlab.stack.app;

import dev.packetlab.stack.net.ArpCache;
import dev.packetlab.stack.net.Host;

/** {@code arp -n}: the ARP cache in the layout of Linux's net-tools {@code arp}. */
final class Arp implements Command {
    @Override
    public String name() { return "arp"; }

    @Override
    public String summary() { return "show the ARP cache (IP address to MAC address)"; }

    @Override
    public String usage() { return "usage: arp [-n]\n  -n  numeric addresses (the only kind here)"; }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "na", "");
        if (!o.positional().isEmpty()) {
            p.usageError("unexpected argument \"" + o.positional().get(0) + "\"");
            return;
        }
        Host host = (Host) p.node();
        p.println(String.format("%-25s%-8s%-20s%-6s%-16s%s", "Address", "HWtype", "HWaddress", "Flags", "Mask", "Iface"));
        for (ArpCache.ArpEntry e : host.arp().entries()) {
            if (e.complete()) {
                p.println(String.format("%-25s%-8s%-20s%-6s%-16s%s", e.address(), "ether", e.mac(), "C", "", e.device()));
            } else {
                p.println(String.format("%-25s%-8s%-20s%-6s%-16s%s", e.address(), "", "(incomplete)", "", "", e.device()));
            }
        }
        p.exit(0);
    }
}
