package dev.packetlab.server;

import dev.packetlab.server.cli.PacketLabCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one entry point of the jar. {@code java -jar packetlab-server.jar} serves the UI and the API;
 * {@code ... run LAB.yaml ...} and {@code ... check LAB.yaml ...} run a lab headless instead, without
 * starting Spring, so the CLI starts fast and prints nothing but the lab's output.
 */
@SpringBootApplication
public class PacketLabApplication {

    public static void main(String[] args) {
        if (args.length > 0 && PacketLabCli.COMMANDS.contains(args[0])) {
            PacketLabCli.main(args); // exits the JVM with the CLI's exit code
            return;
        }
        SpringApplication.run(PacketLabApplication.class, args);
    }
}
