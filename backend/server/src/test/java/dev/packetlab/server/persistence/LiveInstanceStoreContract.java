package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.ArchivedInstance;
import dev.packetlab.server.runtime.InstanceOwner;
import dev.packetlab.server.runtime.LabRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What {@link LiveInstanceStore} promises, on H2 ({@link H2LiveInstanceStoreTest}) and on PostgreSQL
 * ({@link PostgresLiveInstanceStoreTest}): the same migration and the same statements on both.
 */
abstract class LiveInstanceStoreContract {
    static final String ID = "LiveInstanceStoreTest1";
    static final String OTHER = "LiveInstanceStoreTest2";
    static final Instant USED = Instant.parse("2026-11-20T10:15:30.123456Z");

    @Autowired
    LiveInstanceStore store;

    @AfterEach
    void clean() {
        store.remove(ID);
        store.remove(OTHER);
    }

    static ArchivedInstance instance(String id, LabRecord record, Instant lastUsed) {
        return new ArchivedInstance(id, record, "192.0.2.7", InstanceOwner.owned("ab".repeat(32)), lastUsed);
    }

    @Test
    void anInstanceIsReadBackAsItWasPut() {
        ArchivedInstance put = instance(ID, LabStoreContract.STATE, USED);
        store.put(put);

        assertThat(store.find(ID)).contains(put);
    }

    @Test
    void puttingAnInstanceAgainReplacesItsRecord() {
        store.put(instance(ID, LabStoreContract.STATE, USED));
        LabRecord later = new LabRecord("two-hosts.yaml", LabStoreContract.LAB_FILE, 42,
                List.of(LabStoreContract.PING), 12_000_000_000L, 95);
        store.put(instance(ID, later, USED.plus(1, ChronoUnit.HOURS)));

        assertThat(store.find(ID)).get().extracting(ArchivedInstance::record).isEqualTo(later);
    }

    @Test
    void aRemovedInstanceIsNotFound() {
        store.put(instance(ID, LabStoreContract.STATE, USED));
        store.remove(ID);

        assertThat(store.find(ID)).isEmpty();
    }

    @Test
    void anIdThatIsNoIdIsNotFound() {
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void onlyInstancesLastUsedBeforeTheCutoffAreRemoved() {
        store.put(instance(ID, LabStoreContract.STATE, USED));
        store.put(instance(OTHER, LabStoreContract.STATE, USED.plus(2, ChronoUnit.DAYS)));

        int removed = store.removeUnusedSince(USED.plus(1, ChronoUnit.DAYS));

        assertThat(removed).isEqualTo(1);
        assertThat(store.find(ID)).isEmpty();
        assertThat(store.find(OTHER)).isPresent();
    }

    @Test
    void anIdAfterAServerNameIsStoredAndFound() {
        String id = "s2-" + ID;
        store.put(instance(id, LabStoreContract.STATE, USED));

        assertThat(store.find(id)).get().extracting(ArchivedInstance::id).isEqualTo(id);
        store.remove(id);
    }

    @Test
    void aReadOnlyReplayIsReadBackReadOnlyWithItsTokensHash() {
        store.put(new ArchivedInstance(ID, LabStoreContract.STATE, null, InstanceOwner.readOnly("cd".repeat(32)), USED));

        assertThat(store.find(ID)).get().extracting(ArchivedInstance::owner)
                .isEqualTo(InstanceOwner.readOnly("cd".repeat(32)));
    }
}
