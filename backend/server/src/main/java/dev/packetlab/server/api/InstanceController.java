package dev.packetlab.server.api;

import dev.packetlab.server.runtime.CapturedFrame;
import dev.packetlab.server.runtime.JobView;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.server.runtime.LinkView;
import dev.packetlab.server.runtime.NodeView;
import dev.packetlab.server.runtime.PacketDetail;
import dev.packetlab.server.runtime.PacketPage;
import dev.packetlab.server.runtime.PacketQuery;
import dev.packetlab.server.runtime.RunState;
import dev.packetlab.server.runtime.Snapshot;
import dev.packetlab.server.runtime.SocketHistoryView;
import dev.packetlab.server.runtime.SocketView;
import dev.packetlab.stack.trace.PcapWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live lab instances over HTTP: create one, read it, run it, type into it, edit its topology, and look at its
 * packets. Every answer is JSON (pcap and lab files aside); every error is a problem detail ({@link ApiProblems}).
 * Creating one answers its owner token once; every request that changes it must carry that token
 * ({@link InstanceAccessInterceptor} checks it before any endpoint here runs; reads need none).
 * The same instance streams over {@code /ws/labs/{id}} (see {@code docs/protocol.md}).
 */
@RestController
@RequestMapping("/api/instances")
@Tag(name = "instances", description = "Live lab instances")
public class InstanceController {
    /** The largest lab file accepted, in characters. */
    static final int MAX_LAB_FILE = 256 * 1024;
    static final String YAML = "application/yaml";

    private final LabSessions sessions;

    public InstanceController(LabSessions sessions) {
        this.sessions = sessions;
    }

    // ---- instances ---------------------------------------------------------------------------------------------

    @Operation(summary = "Start an instance of a catalogue lab ({\"lab\": \"tcp-connection\"}), of a lab file's text "
            + "({\"labFile\": \"...\"}), or of an empty lab ({})")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedInstance> create(@Valid @RequestBody CreateInstanceRequest request,
                                                  HttpServletRequest http) {
        String client = http.getRemoteAddr();
        LabSession s;
        if (request.lab() != null) s = sessions.createFromCatalogue(request.lab(), request.seed(), client);
        else if (request.labFile() != null) s = sessions.create("lab.yaml", request.labFile(), request.seed(), client);
        else s = sessions.createEmpty(request.seed(), client);
        return created(s);
    }

    @Operation(summary = "Start an instance of the lab file in the body (YAML)")
    @PostMapping(consumes = {YAML, "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<CreatedInstance> upload(@RequestBody String labFile,
                                                  @RequestParam(required = false) Long seed, HttpServletRequest http) {
        if (labFile.length() > MAX_LAB_FILE) {
            throw new IllegalArgumentException("body: the lab file is longer than " + MAX_LAB_FILE + " characters");
        }
        return created(sessions.create("lab.yaml", labFile, seed, http.getRemoteAddr()));
    }

    /** 201 with the snapshot and the owner token, which only the creator ever sees. */
    private ResponseEntity<CreatedInstance> created(LabSession s) {
        String ownerToken = sessions.issueOwnerToken(s);
        return ResponseEntity.created(URI.create("/api/instances/" + s.id()))
                .body(CreatedInstance.owned(Await.of(s.snapshot()), ownerToken));
    }

    @Operation(summary = "Everything about an instance: run state, nodes, links, sockets, tables, terminals")
    @GetMapping("/{id}")
    public Snapshot get(@PathVariable String id) {
        return Await.of(sessions.get(id).snapshot());
    }

    @Operation(summary = "Delete an instance")
    @RunControl
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The instance as a lab file, with every topology edit made so far")
    @GetMapping(value = "/{id}/lab-file", produces = YAML)
    public ResponseEntity<String> labFile(@PathVariable String id) {
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment().filename("lab.yaml").build().toString())
                .body(Await.of(sessions.get(id).labFile()));
    }

    // ---- running -----------------------------------------------------------------------------------------------

    @Operation(summary = "How the instance runs")
    @GetMapping("/{id}/run")
    public RunState runState(@PathVariable String id) {
        return Await.of(sessions.get(id).runState());
    }

    @Operation(summary = "Pause, play at a speed, step, step to the next frame, run until idle, advance, go to a time")
    @RunControl
    @PostMapping("/{id}/run")
    public RunState control(@PathVariable String id, @Valid @RequestBody RunControlRequest request) {
        return Await.of(sessions.get(id).control(request.toControl()));
    }

    @Operation(summary = "Run a command line on a node; 200 with its output when it has ended, 202 while it runs")
    @PostMapping("/{id}/nodes/{node}/commands")
    public ResponseEntity<JobView> execute(@PathVariable String id, @PathVariable String node,
                                           @Valid @RequestBody CommandRequest request) {
        LabSession s = sessions.get(id);
        JobView job = Await.of(s.execute(node, request.line(), request.inBackground(), request.untilExit()));
        if (job.running() && request.waitMillis() != null && request.waitMillis() > 0) {
            try {
                job = s.jobEnd(job.job()).get(request.waitMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                job = Await.of(s.job(job.job()));
            } catch (Exception e) {
                job = Await.of(s.job(job.job()));
            }
        }
        return ResponseEntity.status(job.running() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/instances/" + id + "/jobs/" + job.job())).body(job);
    }

    @Operation(summary = "A command's state and output")
    @GetMapping("/{id}/jobs/{job}")
    public JobView job(@PathVariable String id, @PathVariable long job) {
        return Await.of(sessions.get(id).job(job));
    }

    @Operation(summary = "Type at a node's terminal: a line, Ctrl-C, Ctrl-D, or keys as xterm sends them")
    @PostMapping("/{id}/nodes/{node}/terminal")
    public ResponseEntity<Void> terminal(@PathVariable String id, @PathVariable String node,
                                         @Valid @RequestBody TerminalRequest request) {
        LabSession s = sessions.get(id);
        if (request.line() != null) Await.of(s.line(node, request.line()));
        else if (request.keys() != null) Await.of(s.keys(node, request.keys(), null));
        else if (Boolean.TRUE.equals(request.interrupt())) Await.of(s.interrupt(node));
        else Await.of(s.endOfInput(node));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A node's TCP sockets with their state and variables")
    @GetMapping("/{id}/nodes/{node}/sockets")
    public List<SocketView> sockets(@PathVariable String id, @PathVariable String node) {
        return Await.of(sessions.get(id).sockets(node));
    }

    @Operation(summary = "A node's sockets since the instance started: each state change with its cause, and the TCP "
            + "variables after each change (bounded: what was cut is counted)")
    @GetMapping("/{id}/nodes/{node}/sockets/history")
    public SocketHistoryView socketHistory(@PathVariable String id, @PathVariable String node) {
        return Await.of(sessions.get(id).socketHistory(node));
    }

    @Operation(summary = "Every node's sockets since the instance started, as .../nodes/{node}/sockets/history")
    @GetMapping("/{id}/sockets/history")
    public SocketHistoryView socketHistory(@PathVariable String id) {
        return Await.of(sessions.get(id).socketHistory(null));
    }

    // ---- topology edits ----------------------------------------------------------------------------------------

    @Operation(summary = "Add a node, written as in a lab file: {\"id\": \"pc3\", \"kind\": \"host\", \"ip\": \"10.0.0.3/24\"}")
    @PostMapping("/{id}/nodes")
    public ResponseEntity<NodeView> addNode(@PathVariable String id, @RequestBody Map<String, Object> node) {
        NodeView view = Await.of(sessions.get(id).addNode(node));
        return ResponseEntity.created(URI.create("/api/instances/" + id + "/nodes/" + view.id())).body(view);
    }

    @Operation(summary = "Change a node's addresses, interfaces (add ones, or leave one out to take it off), gateway, "
            + "routes, name servers, hosts lines or sysctls with lab-file keys: ip, interfaces, gateway, routes, dns, "
            + "hosts, sysctl, position (null removes a gateway, the routes, the name servers, the hosts lines or the "
            + "node's sysctls)")
    @PatchMapping("/{id}/nodes/{node}")
    public NodeView editNode(@PathVariable String id, @PathVariable String node, @RequestBody Map<String, Object> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("body: give at least one of ip, interfaces, gateway, routes, dns, hosts, sysctl, position");
        }
        return Await.of(sessions.get(id).setNode(node, set));
    }

    @Operation(summary = "Remove a node and its cables")
    @DeleteMapping("/{id}/nodes/{node}")
    public ResponseEntity<Void> removeNode(@PathVariable String id, @PathVariable String node) {
        Await.of(sessions.get(id).removeNode(node));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change a link with lab-file keys: bandwidth, delay, jitter, loss, mtu, queue, up")
    @PatchMapping("/{id}/links/{link}")
    public LinkView editLink(@PathVariable String id, @PathVariable String link, @RequestBody Map<String, Object> set) {
        if (set.isEmpty()) throw new IllegalArgumentException("body: give at least one of bandwidth, delay, jitter, loss, mtu, queue, up");
        return Await.of(sessions.get(id).setLink(link, set));
    }

    @Operation(summary = "Plug in a cable, written as in a lab file: {\"a\": \"pc3\", \"b\": \"sw1\", \"delay\": \"1ms\"}")
    @PostMapping("/{id}/links")
    public ResponseEntity<LinkView> addLink(@PathVariable String id, @RequestBody Map<String, Object> link) {
        LinkView view = Await.of(sessions.get(id).addLink(link));
        return ResponseEntity.created(URI.create("/api/instances/" + id + "/links/" + view.name())).body(view);
    }

    @Operation(summary = "Remove a cable")
    @DeleteMapping("/{id}/links/{link}")
    public ResponseEntity<Void> removeLink(@PathVariable String id, @PathVariable String link) {
        Await.of(sessions.get(id).removeLink(link));
        return ResponseEntity.noContent().build();
    }

    // ---- packets -----------------------------------------------------------------------------------------------

    @Operation(summary = "The packet list: transmissions on links, numbered, filtered by node, link, protocol "
            + "(eth, arp, ip, icmp, udp, tcp), address (IPv4 or MAC) and port")
    @GetMapping("/{id}/packets")
    public PacketPage packets(@PathVariable String id,
                              @RequestParam(required = false) String node,
                              @RequestParam(required = false) String link,
                              @RequestParam(required = false)
                              @Pattern(regexp = "(?i)eth|ethernet|arp|ip|ipv4|icmp|udp|tcp",
                                      message = "must be one of eth, arp, ip, icmp, udp, tcp") String protocol,
                              @RequestParam(required = false) String address,
                              @RequestParam(required = false)
                              @Min(value = 0, message = "must be a port from 0 to 65535")
                              @Max(value = 65535, message = "must be a port from 0 to 65535") Integer port,
                              @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
                              @RequestParam(defaultValue = "100")
                              @Min(value = 1, message = "must be from 1 to 1000")
                              @Max(value = 1000, message = "must be from 1 to 1000") int size) {
        return Await.of(sessions.get(id).packets(new PacketQuery(node, link, protocol, address, port), page, size));
    }

    @Operation(summary = "One packet taken apart: layers, fields with their byte ranges, and the frame in hex")
    @GetMapping("/{id}/packets/{number}")
    public PacketDetail packet(@PathVariable String id, @PathVariable long number) {
        return Await.of(sessions.get(id).packet(number));
    }

    @Operation(summary = "A pcap file of every frame on every link, of what one node sent and received (node=), or "
            + "of one link (link=)")
    @GetMapping(value = "/{id}/pcap", produces = "application/vnd.tcpdump.pcap")
    public ResponseEntity<byte[]> pcap(@PathVariable String id, @RequestParam(required = false) String node,
                                       @RequestParam(required = false) String link) {
        if (node != null && link != null) throw new IllegalArgumentException("node: give node or link, not both");
        List<CapturedFrame> frames = Await.of(sessions.get(id).capture(node, link));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter pcap = new PcapWriter(out, PcapWriter.Resolution.NANOSECONDS)) {
            for (CapturedFrame f : frames) pcap.write(f.time(), f.frame());
        }
        String name = "packetlab-" + (node != null ? node : link != null ? link.replace(':', '_') : "all") + ".pcap";
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.tcpdump.pcap"))
                .body(out.toByteArray());
    }
}
