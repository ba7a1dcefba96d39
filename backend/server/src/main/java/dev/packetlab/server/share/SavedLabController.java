package dev.packetlab.server.share;

import dev.packetlab.server.persistence.LabStore;
import dev.packetlab.server.persistence.SavedLabCreated;
import dev.packetlab.server.persistence.ShareLink;
import dev.packetlab.server.api.CreatedInstance;
import dev.packetlab.server.api.InstanceAccess;
import dev.packetlab.server.runtime.LabRecord;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saving a lab and sharing it, for its owner ({@code docs/persistence.md}). Every request but the first carries the
 * saved lab's owner token as {@code Authorization: Bearer TOKEN}. Saving a live instance needs that instance's owner
 * token: as the {@code Authorization} header of the first save, as {@code instanceToken} in the body of an update
 * (whose header carries the saved lab's).
 */
@RestController
@RequestMapping("/api/saved-labs")
public class SavedLabController {

    private final LabStore store;
    private final LiveLabs live;

    public SavedLabController(LabStore store, LiveLabs live) {
        this.store = store;
        this.live = live;
    }

    /** Saves a new lab (a live instance, or a record): 201 with its id and owner token, shown only this once. */
    @PostMapping
    public ResponseEntity<SavedLabCreated> save(@RequestBody LabRecordBody body,
                                                @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String instance = body.instanceAlone();
        LabRecord record = instance == null ? body.toRecord() : live.recordOf(instance, InstanceAccess.bearer(authorization));
        SavedLabCreated created = store.save(record);
        return ResponseEntity.created(URI.create("/api/saved-labs/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    public SavedLabView load(@PathVariable String id,
                             @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return SavedLabView.of(store.load(id, BearerToken.from(authorization)));
    }

    /** Replaces the saved record with the one sent, or with a live instance's (the lab went on since it was saved). */
    @PutMapping("/{id}")
    public SavedLabView update(@PathVariable String id,
                               @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                               @RequestBody LabRecordBody body) {
        String token = BearerToken.from(authorization);
        String instance = body.instanceAlone();
        if (instance != null) store.load(id, token); // the saved lab's owner first: their token is checked before the instance's
        LabRecord record = instance == null ? body.toRecord() : live.recordOf(instance, body.instanceToken());
        return SavedLabView.of(store.update(id, token, record));
    }

    /** Starts a live instance of the saved lab, rebuilt by replay: 201, located at {@code /api/instances/{id}}. */
    @PostMapping("/{id}/instances")
    public ResponseEntity<CreatedInstance> open(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                         HttpServletRequest http) {
        return live.start(store.load(id, BearerToken.from(authorization)).record(), http.getRemoteAddr(), false);
    }

    /** Makes a share link: 201, its location is {@code /api/share/{linkId}}. */
    @PostMapping("/{id}/share-links")
    public ResponseEntity<ShareLink> share(@PathVariable String id,
                                           @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                           @RequestBody ShareLinkRequest request) {
        String token = BearerToken.from(authorization);
        ShareLink link = request.at() == null
                ? store.createShareLink(id, token, request.shareMode())
                : store.createShareLink(id, token, request.shareMode(), request.at());
        return ResponseEntity.created(URI.create("/api/share/" + link.id())).body(link);
    }
}
