package dev.packetlab.server.share;

import dev.packetlab.server.api.CreatedInstance;
import dev.packetlab.server.persistence.LabStore;
import dev.packetlab.server.persistence.SavedLabCreated;
import dev.packetlab.server.persistence.SharedLab;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opening a share link, for anyone who has it: the link's id is all it takes ({@code docs/persistence.md}). */
@RestController
@RequestMapping("/api/share")
public class ShareLinkController {

    private final LabStore store;
    private final LiveLabs live;

    public ShareLinkController(LabStore store, LiveLabs live) {
        this.store = store;
        this.live = live;
    }

    /** The lab at the shared point, and whether the holder may only watch it replay. */
    @GetMapping("/{linkId}")
    public SharedLabView open(@PathVariable String linkId) {
        return SharedLabView.of(store.openShareLink(linkId));
    }

    /**
     * Starts a live instance of the lab at the shared point, rebuilt by replay: 201, located at
     * {@code /api/instances/{id}}. The instance is the holder's alone, so nothing they do in it reaches the shared
     * lab. A fork link's instance is theirs to change (its owner token comes with it); a read-only link's is a
     * replay that nobody may change (its replay token drives the replay: run controls, nothing else).
     */
    @PostMapping("/{linkId}/instances")
    public ResponseEntity<CreatedInstance> start(@PathVariable String linkId, HttpServletRequest http) {
        SharedLab shared = store.openShareLink(linkId);
        return live.start(shared.record(), http.getRemoteAddr(), shared.readOnly());
    }

    /** Takes the holder's own copy of a fork link's lab: 201 with the new lab's id and owner token. */
    @PostMapping("/{linkId}/fork")
    public ResponseEntity<SavedLabCreated> fork(@PathVariable String linkId) {
        SavedLabCreated created = store.fork(linkId);
        return ResponseEntity.created(URI.create("/api/saved-labs/" + created.id())).body(created);
    }
}
