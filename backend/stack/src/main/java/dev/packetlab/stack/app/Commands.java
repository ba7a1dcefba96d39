package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Hub;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.net.Host;
import java.util.List;

/** The commands each kind of node offers at its shell. */
public final class Commands {
    private Commands() {}

    /** A shell for {@code node} with the commands that make sense on it. */
    public static Shell shellFor(Node node) {
        List<Command> commands = switch (node) {
            case Host h -> List.of(new Ip(), new Arp(), new Ping(), new Traceroute(), new Tcpdump(), new SysctlCommand(),
                    new Echo(), new Cat(),
                    new Nc(), new Netstat(), new Ss(), new EchoServer(), new DiscardServer(),
                    new Curl(), new Browse(), new HttpServerCommand(),
                    new Dig(), new Nslookup(), new HostCommand());
            case Switch s -> List.of(new ShowMac(), new SysctlCommand());
            case Hub h -> List.of(new SysctlCommand());
            default -> List.of();
        };
        return new Shell(node, commands);
    }
}
