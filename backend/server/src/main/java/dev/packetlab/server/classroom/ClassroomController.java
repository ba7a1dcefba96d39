package dev.packetlab.server.classroom;

import dev.packetlab.server.runtime.CapturedFrame;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.PacketDetail;
import dev.packetlab.server.runtime.PacketPage;
import dev.packetlab.server.runtime.PacketQuery;
import dev.packetlab.stack.trace.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/classes}: classes for a teacher, joining for students, and the read-only labs of a class
 * ({@code docs/classroom.md}). Every request about a class carries the teacher's or a student's token as
 * {@code Authorization: Bearer TOKEN}, or as {@code ?token=} where a browser cannot send a header (a download link);
 * what each role may do is decided by {@link Classrooms}.
 */
@RestController
@RequestMapping("/api/classes")
public class ClassroomController {
    private static final String BEARER = "Bearer ";

    private final Classrooms classrooms;

    public ClassroomController(Classrooms classrooms) {
        this.classrooms = classrooms;
    }

    /** What a class is made from: a catalogue lab, or a lab file's text (with its name, for error messages). */
    public record CreateClass(String lab, String labFile, String fileName) {}

    /** Joining: the code the teacher gave and the name to show. */
    public record Join(String code, String name) {}

    /** The teacher's switches; those left out stay as they are. */
    public record Change(Boolean locked, Boolean presenting) {}

    @PostMapping
    public ResponseEntity<ClassViews.Created> create(@RequestBody CreateClass body) {
        boolean catalogue = body.lab() != null && !body.lab().isBlank();
        boolean file = body.labFile() != null && !body.labFile().isBlank();
        if (catalogue == file) throw new IllegalArgumentException("lab: give a catalogue lab's id or a labFile, one of them");
        ClassViews.Created created = classrooms.create(catalogue ? body.lab() : null, body.fileName(),
                catalogue ? null : body.labFile());
        return ResponseEntity.created(URI.create("/api/classes/" + created.id())).body(created);
    }

    @PostMapping("/join")
    public ResponseEntity<ClassViews.Joined> join(@RequestBody Join body) {
        ClassViews.Joined joined = classrooms.join(body.code(), body.name());
        return ResponseEntity.created(URI.create("/api/classes/" + joined.classId() + "/me")).body(joined);
    }

    @GetMapping("/{id}")
    public ClassViews.Dashboard dashboard(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
            required = false) String authorization, @RequestParam(required = false) String token) {
        return classrooms.dashboard(id, token(authorization, token));
    }

    @PatchMapping("/{id}")
    public ClassViews.State change(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
            required = false) String authorization, @RequestBody Change body) {
        String t = token(authorization, null);
        if (body.locked() == null && body.presenting() == null) {
            classrooms.teacher(id, t, "change the class");
            throw new IllegalArgumentException("body: give locked or presenting");
        }
        ClassViews.State state = null;
        if (body.locked() != null) state = classrooms.lock(id, t, body.locked());
        if (body.presenting() != null) state = classrooms.present(id, t, body.presenting());
        return state;
    }

    @PostMapping("/{id}/end")
    public ClassViews.State end(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
            required = false) String authorization) {
        return classrooms.end(id, token(authorization, null));
    }

    @PostMapping("/{id}/students/{member}/reset")
    public ResponseEntity<Void> reset(@PathVariable String id, @PathVariable String member,
                                      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                      String authorization) {
        classrooms.reset(id, token(authorization, null), member);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/{id}/results.csv", produces = "text/csv")
    public ResponseEntity<byte[]> results(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
            required = false) String authorization, @RequestParam(required = false) String token) {
        String csv = classrooms.results(id, token(authorization, token));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("packetlab-class-results.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/me")
    public ClassViews.Me me(@PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION,
            required = false) String authorization) {
        return classrooms.me(id, token(authorization, null));
    }

    // ---- read-only labs: {view} is "presented" or a student's id ----------------------------------------------------

    @GetMapping(value = "/{id}/labs/{view}/lab-file", produces = "application/yaml")
    public String labFile(@PathVariable String id, @PathVariable String view,
                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return Classrooms.await(watched(id, view, authorization, null).labFile());
    }

    @GetMapping("/{id}/labs/{view}/packets")
    public PacketPage packets(@PathVariable String id, @PathVariable String view,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                              @RequestParam(required = false) String node,
                              @RequestParam(required = false) String link,
                              @RequestParam(required = false) String protocol,
                              @RequestParam(required = false) String address,
                              @RequestParam(required = false) Integer port,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "100") int size) {
        if (page < 0) throw new IllegalArgumentException("page: must be 0 or more");
        if (size < 1 || size > 1000) throw new IllegalArgumentException("size: must be from 1 to 1000");
        return Classrooms.await(watched(id, view, authorization, null)
                .packets(new PacketQuery(node, link, protocol, address, port), page, size));
    }

    @GetMapping("/{id}/labs/{view}/packets/{number}")
    public PacketDetail packet(@PathVariable String id, @PathVariable String view, @PathVariable long number,
                               @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return Classrooms.await(watched(id, view, authorization, null).packet(number));
    }

    @GetMapping(value = "/{id}/labs/{view}/pcap", produces = "application/vnd.tcpdump.pcap")
    public ResponseEntity<byte[]> pcap(@PathVariable String id, @PathVariable String view,
                                       @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                       String authorization, @RequestParam(required = false) String token,
                                       @RequestParam(required = false) String node) {
        List<CapturedFrame> frames = Classrooms.await(watched(id, view, authorization, token).capture(node, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter pcap = new PcapWriter(out, PcapWriter.Resolution.NANOSECONDS)) {
            for (CapturedFrame f : frames) pcap.write(f.time(), f.frame());
        }
        String name = "packetlab-" + (node != null ? node : "all") + ".pcap";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.tcpdump.pcap"))
                .body(out.toByteArray());
    }

    private LabSession watched(String id, String view, String authorization, String token) {
        return classrooms.watch(id, token(authorization, token), view).session();
    }

    /** The bearer token of the {@code Authorization} header (RFC 6750 2.1), else the {@code token} parameter. */
    static String token(String authorization, String parameter) {
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return parameter;
    }
}
