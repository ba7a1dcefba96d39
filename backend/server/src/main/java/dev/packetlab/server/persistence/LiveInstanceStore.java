package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.ArchivedInstance;
import dev.packetlab.server.runtime.InstanceArchive;
import dev.packetlab.server.runtime.InstanceOwner;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live instances' records in the {@code live_instance} table, so that they outlive a server restart (the runtime's
 * {@link InstanceArchive}). Only a record is stored, as for saved labs: the instance is rebuilt from it by replay.
 */
@Service
public class LiveInstanceStore implements InstanceArchive {
    /** An instance id: 22 base64url characters, after the server's name and a dash if it has one. */
    private static final Pattern INSTANCE_ID = Pattern.compile("([a-z0-9]{1,16}-)?[A-Za-z0-9_-]{22}");

    private final JdbcClient jdbc;

    public LiveInstanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void put(ArchivedInstance instance) {
        // delete and insert rather than MERGE/ON CONFLICT: the one statement the two databases spell the same way
        jdbc.sql("DELETE FROM live_instance WHERE id = :id").param("id", instance.id()).update();
        jdbc.sql("INSERT INTO live_instance (id, client, owner_token_hash, read_only, last_used, " + RecordColumns.NAMES
                        + ") VALUES (:id, :client, :ownerTokenHash, :readOnly, :lastUsed, " + RecordColumns.PARAMETERS + ")")
                .params(RecordColumns.parameters(instance.record()))
                .param("id", instance.id())
                .param("client", instance.client())
                .param("ownerTokenHash", instance.owner().tokenHash())
                .param("readOnly", instance.owner().readOnly())
                .param("lastUsed", RecordColumns.timestamp(instance.lastUsed()))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ArchivedInstance> find(String id) {
        if (id == null || !INSTANCE_ID.matcher(id).matches()) return Optional.empty();
        return jdbc.sql("SELECT id, client, owner_token_hash, read_only, last_used, " + RecordColumns.NAMES
                        + " FROM live_instance WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new ArchivedInstance(row.getString("id"), RecordColumns.read(row),
                        row.getString("client"),
                        new InstanceOwner(row.getString("owner_token_hash"), row.getBoolean("read_only")),
                        RecordColumns.instant(row, "last_used")))
                .optional();
    }

    @Override
    public void remove(String id) {
        jdbc.sql("DELETE FROM live_instance WHERE id = :id").param("id", id).update();
    }

    @Override
    public int removeUnusedSince(Instant cutoff) {
        return jdbc.sql("DELETE FROM live_instance WHERE last_used < :cutoff")
                .param("cutoff", RecordColumns.timestamp(cutoff))
                .update();
    }
}
