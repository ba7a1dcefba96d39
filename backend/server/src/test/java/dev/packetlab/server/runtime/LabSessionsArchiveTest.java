package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.persistence.LiveInstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live instances kept in the database ({@link LiveInstanceStore}, H2 as the server uses it) so that they outlive a
 * server restart and are deleted once abandoned. Each test drives its own {@link LabSessions} on a wall clock it
 * moves by hand; "a restart" is a second {@code LabSessions} on the same database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabSessionsArchiveTest {
    @Autowired
    JdbcClient jdbc;

    LiveInstanceStore store;
    final AtomicLong wall = new AtomicLong();
    LabSessions sessions;

    @BeforeEach
    void start() {
        store = new LiveInstanceStore(jdbc);
        sessions = server();
    }

    @AfterEach
    void stop() {
        sessions.shutdown();
    }

    LabSessions server() {
        LabSessions s = new LabSessions(new SessionScheduler(2, wall::get), Duration.ofMinutes(10),
                LabSession.Settings.DEFAULT, LabSessions.loadCatalogue());
        s.setArchive(store);
        s.setTimeToLive(Duration.ofDays(30));
        return s;
    }

    @Test
    void anInstanceAskedForAfterARestartIsRebuiltUnderItsOwnIdWhereItStood() throws Exception {
        LabSession before = sessions.createFromCatalogue("tcp-connection", 5L, "10.2.2.2");
        before.execute("pc1", "ping -c 1 10.0.0.2", false, true).get(10, TimeUnit.SECONDS);
        Snapshot seen = before.snapshot().get(10, TimeUnit.SECONDS);
        LabRecord record = before.record().get(10, TimeUnit.SECONDS);
        sessions.shutdown();

        sessions = server();
        LabSession after = sessions.get(before.id());

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.record().get(10, TimeUnit.SECONDS)).isEqualTo(record);
        assertThat(after.snapshot().get(10, TimeUnit.SECONDS).terminals()).isEqualTo(seen.terminals());
        assertThat(sessions.instancesOf("10.2.2.2")).isEqualTo(1);
    }

    @Test
    void aChangedInstanceIsWrittenToTheArchiveAtTheSweep() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", 5L);
        s.execute("pc1", "ping -c 1 10.0.0.2", false, true).get(10, TimeUnit.SECONDS);

        sessions.archiveChanged().get(10, TimeUnit.SECONDS);

        assertThat(store.find(s.id())).get().extracting(ArchivedInstance::record)
                .isEqualTo(s.record().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aDeletedInstanceIsDeletedFromTheArchiveToo() throws Exception {
        LabSession s = sessions.createEmpty(null);
        sessions.archiveChanged().get(10, TimeUnit.SECONDS);
        assertThat(store.find(s.id())).isPresent();

        sessions.delete(s.id());
        sessions.awaitArchiving();

        assertThat(store.find(s.id())).isEmpty();
        assertThatThrownBy(() -> sessions.get(s.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anArchivedInstanceNobodyUsedForTheTimeToLiveIsDeleted() throws Exception {
        LabRecord record = new LabRecord("lab.yaml", LabDocument.emptyLabFile(), 1, List.of(), 0, 0);
        String id = "AAAAAAAAAAAAAAAAAAAAAA";
        store.put(new ArchivedInstance(id, record, null, InstanceOwner.readOnly(null), Instant.now().minus(Duration.ofDays(31))));

        sessions.expireAbandoned();
        sessions.awaitArchiving();

        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void anArchivedInstanceUsedWithinTheTimeToLiveIsKept() throws Exception {
        LabRecord record = new LabRecord("lab.yaml", LabDocument.emptyLabFile(), 1, List.of(), 0, 0);
        String id = "BBBBBBBBBBBBBBBBBBBBBB";
        store.put(new ArchivedInstance(id, record, null, InstanceOwner.readOnly(null), Instant.now().minus(Duration.ofDays(29))));

        sessions.expireAbandoned();
        sessions.awaitArchiving();

        assertThat(store.find(id)).isPresent();
        store.remove(id);
    }

    @Test
    void aReadOnlyReplayBroughtBackAfterARestartIsStillDrivenByItsReplayTokenAndChangedByNone() throws Exception {
        LabSession replay = sessions.restore(sessions.createFromCatalogue("tcp-connection", 5L).record()
                .get(10, TimeUnit.SECONDS));
        String token = sessions.issueReplayToken(replay);
        sessions.shutdown();

        sessions = server();
        sessions.get(replay.id());
        InstanceOwner owner = sessions.owner(replay.id());

        assertThat(owner.readOnly()).isTrue();
        assertThat(owner.check(token, InstanceOwner.Right.RUN)).isEqualTo(InstanceOwner.Verdict.ALLOWED);
        assertThat(owner.check(token, InstanceOwner.Right.CHANGE)).isEqualTo(InstanceOwner.Verdict.READ_ONLY);
    }
}
