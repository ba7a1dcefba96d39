package dev.packetlab.server.share;

import dev.packetlab.server.persistence.LabStore;
import dev.packetlab.server.persistence.SavedLabCreated;
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

    public ShareLinkController(LabStore store) {
        this.store = store;
    }

    /** The lab at the shared point, and whether the holder may only watch it replay. */
    @GetMapping("/{linkId}")
    public SharedLabView open(@PathVariable String linkId) {
        return SharedLabView.of(store.openShareLink(linkId));
    }

    /** Takes the holder's own copy of a fork link's lab: 201 with the new lab's id and owner token. */
    @PostMapping("/{linkId}/fork")
    public ResponseEntity<SavedLabCreated> fork(@PathVariable String linkId) {
        SavedLabCreated created = store.fork(linkId);
        return ResponseEntity.created(URI.create("/api/saved-labs/" + created.id())).body(created);
    }
}
