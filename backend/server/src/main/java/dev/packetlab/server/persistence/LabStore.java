package dev.packetlab.server.persistence;

import dev.packetlab.server.Secrets;
import dev.packetlab.server.runtime.LabRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved labs and their share links, in the database (H2 in a file under {@code ./data} by default, PostgreSQL with
 * the {@code postgres} profile; the schema is {@code db/migration}).
 *
 * <p>A saved lab is a {@link LabRecord} (lab file, seed, command log, the point reached), from which the runtime
 * rebuilds the instance by deterministic replay ({@code LabSessions.restore}); nothing of a live simulation is
 * stored. Whoever saves a lab gets an owner token once; the store keeps only its hash, and reading, updating and
 * sharing need the token. A share link freezes a copy of the record at the shared point, so the owner can keep
 * working without changing what the link shows, and it never carries the owner token: its unguessable id is all
 * there is to it.
 *
 * <p>Every mistake a caller can make is a {@link LabStoreException} with a message for the user.
 */
@Service
public class LabStore {
    private static final String RECORD_COLUMNS = RecordColumns.NAMES;

    private final JdbcClient jdbc;

    public LabStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Saves a new lab.
     *
     * @return its id and owner token; the token is never shown again
     * @throws InvalidLabRecordException if the record cannot be stored, with every wrong field
     */
    public SavedLabCreated save(LabRecord record) {
        LabRecordValidator.check(record);
        return insert(record);
    }

    /**
     * Replaces a saved lab's record with a newer one, for its owner.
     *
     * @throws SavedLabNotFoundException if no saved lab has this id
     * @throws OwnerTokenRejectedException if {@code ownerToken} is missing or not this lab's
     * @throws InvalidLabRecordException if the record cannot be stored
     */
    @Transactional
    public SavedLab update(String id, String ownerToken, LabRecord record) {
        checkOwner(id, ownerToken);
        LabRecordValidator.check(record);
        jdbc.sql("""
                UPDATE saved_lab SET file_name = :fileName, lab_file = :labFile, seed = :seed,
                    command_log = :commandLog, sim_time = :time, sim_events = :events, updated_at = :now
                WHERE id = :id""")
                .params(RecordColumns.parameters(record))
                .param("now", RecordColumns.timestamp(RecordColumns.now()))
                .param("id", id)
                .update();
        return find(id);
    }

    /**
     * A saved lab, for its owner.
     *
     * @throws SavedLabNotFoundException if no saved lab has this id
     * @throws OwnerTokenRejectedException if {@code ownerToken} is missing or not this lab's
     */
    @Transactional(readOnly = true)
    public SavedLab load(String id, String ownerToken) {
        checkOwner(id, ownerToken);
        return find(id);
    }

    /**
     * A share link to the lab at the point it was saved at.
     *
     * @throws SavedLabNotFoundException if no saved lab has this id
     * @throws OwnerTokenRejectedException if {@code ownerToken} is missing or not this lab's
     */
    @Transactional
    public ShareLink createShareLink(String id, String ownerToken, ShareMode mode) {
        checkOwner(id, ownerToken);
        return insertShareLink(id, mode, SharePoint.current(find(id).record()));
    }

    /**
     * A share link to the lab as it was at simulated time {@code at} (nanoseconds): the log entries given until then,
     * replayed up to {@code at}. This is how a lab scrubbed back in time is shared.
     *
     * @throws SavedLabNotFoundException if no saved lab has this id
     * @throws OwnerTokenRejectedException if {@code ownerToken} is missing or not this lab's
     * @throws InvalidLabRecordException if {@code at} is not between 0 and the time the saved lab reached
     */
    @Transactional
    public ShareLink createShareLink(String id, String ownerToken, ShareMode mode, long at) {
        checkOwner(id, ownerToken);
        LabRecord saved = find(id).record();
        if (at < 0 || at > saved.time()) {
            throw new InvalidLabRecordException(List.of(new FieldError("at", "must be between 0 and "
                    + saved.time() + " nanoseconds, the time the saved lab reached; got " + at)));
        }
        return insertShareLink(id, mode, SharePoint.at(saved, at));
    }

    /**
     * What a share link shows: the record to rebuild and whether its holder may only watch.
     *
     * @throws ShareLinkNotFoundException if no share link has this id
     */
    @Transactional(readOnly = true)
    public SharedLab openShareLink(String linkId) {
        if (!Secrets.isWellFormedId(linkId)) throw new ShareLinkNotFoundException(linkId);
        return jdbc.sql("SELECT id, mode, created_at, " + RECORD_COLUMNS + " FROM share_link WHERE id = :id")
                .param("id", linkId)
                .query((row, n) -> new SharedLab(row.getString("id"), ShareMode.fromWireName(row.getString("mode")),
                        RecordColumns.read(row), RecordColumns.instant(row, "created_at")))
                .optional()
                .orElseThrow(() -> new ShareLinkNotFoundException(linkId));
    }

    /**
     * Takes the holder's own copy of a fork link's lab: a new saved lab at the shared point, with a new owner token.
     *
     * @throws ShareLinkNotFoundException if no share link has this id
     * @throws ReadOnlyShareLinkException if the link is read-only
     */
    @Transactional
    public SavedLabCreated fork(String linkId) {
        SharedLab shared = openShareLink(linkId);
        if (shared.readOnly()) throw new ReadOnlyShareLinkException(linkId);
        return insert(shared.record());
    }

    private SavedLabCreated insert(LabRecord record) {
        String id = Secrets.newId();
        String token = Secrets.newToken();
        jdbc.sql("INSERT INTO saved_lab (id, owner_token_hash, created_at, updated_at, " + RECORD_COLUMNS + ")"
                        + " VALUES (:id, :ownerTokenHash, :now, :now, :fileName, :labFile, :seed, :commandLog, :time, :events)")
                .params(RecordColumns.parameters(record))
                .param("id", id)
                .param("ownerTokenHash", Secrets.hash(token))
                .param("now", RecordColumns.timestamp(RecordColumns.now()))
                .update();
        return new SavedLabCreated(id, token);
    }

    private ShareLink insertShareLink(String savedLabId, ShareMode mode, LabRecord shared) {
        String linkId = Secrets.newId();
        Instant now = RecordColumns.now();
        jdbc.sql("INSERT INTO share_link (id, saved_lab_id, mode, created_at, " + RECORD_COLUMNS + ")"
                        + " VALUES (:id, :savedLabId, :mode, :now, :fileName, :labFile, :seed, :commandLog, :time, :events)")
                .params(RecordColumns.parameters(shared))
                .param("id", linkId)
                .param("savedLabId", savedLabId)
                .param("mode", mode.wireName())
                .param("now", RecordColumns.timestamp(now))
                .update();
        return new ShareLink(linkId, savedLabId, mode, shared.time(), now);
    }

    /** Throws unless {@code id} names a saved lab whose owner token is {@code ownerToken}. */
    private void checkOwner(String id, String ownerToken) {
        if (!Secrets.isWellFormedId(id)) throw new SavedLabNotFoundException(id);
        String hash = jdbc.sql("SELECT owner_token_hash FROM saved_lab WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new SavedLabNotFoundException(id));
        if (!Secrets.matches(ownerToken, hash)) {
            throw new OwnerTokenRejectedException(id, ownerToken != null && !ownerToken.isEmpty());
        }
    }

    private SavedLab find(String id) {
        return jdbc.sql("SELECT id, created_at, updated_at, " + RECORD_COLUMNS + " FROM saved_lab WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new SavedLab(row.getString("id"), RecordColumns.read(row),
                        RecordColumns.instant(row, "created_at"), RecordColumns.instant(row, "updated_at")))
                .optional()
                .orElseThrow(() -> new SavedLabNotFoundException(id));
    }
}
