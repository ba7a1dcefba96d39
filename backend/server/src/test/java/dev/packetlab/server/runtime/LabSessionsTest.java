package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.trace.TraceEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LabSessionsTest {
    final AtomicLong wall = new AtomicLong();
    final LabSessions sessions = new LabSessions(new SessionScheduler(2, wall::get), Duration.ofMinutes(10),
            LabSession.Settings.DEFAULT, LabSessions.loadCatalogue());

    @AfterEach
    void stop() {
        sessions.shutdown();
    }

    /** Watches an instance without doing anything with what it hears. */
    static final SessionObserver WATCHER = new SessionObserver() {
        @Override
        public void event(TraceEvent event, FrameInfo frame) { }

        @Override
        public void runState(RunState state) { }

        @Override
        public void jobEnded(JobView job) { }

        @Override
        public void reset(Snapshot snapshot) { }
    };

    @Test
    void anInstanceNobodyUsedForTheIdleTimeIsEvictedAndComesBackOnUse() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", null);
        s.execute("pc1", "ping -c 1 10.0.0.2", false, true).get(10, TimeUnit.SECONDS);
        RunState before = s.runState().get(10, TimeUnit.SECONDS);

        wall.addAndGet(Duration.ofMinutes(11).toNanos());
        sessions.evictIdle();

        assertThat(s.resident().get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(s.runState().get(10, TimeUnit.SECONDS)).isEqualTo(before);
        assertThat(s.resident().get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInstanceUsedWithinTheIdleTimeStays() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", null);
        wall.addAndGet(Duration.ofMinutes(9).toNanos());
        s.runState().get(10, TimeUnit.SECONDS);
        wall.addAndGet(Duration.ofMinutes(9).toNanos());

        sessions.evictIdle();

        assertThat(s.resident().get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWatchedInstanceIsNotEvicted() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", null);
        s.attach(WATCHER).get(10, TimeUnit.SECONDS);
        wall.addAndGet(Duration.ofHours(1).toNanos());

        sessions.evictIdle();

        assertThat(s.resident().get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDeletedInstanceIsNotFound() {
        LabSession s = sessions.createEmpty(null);
        sessions.delete(s.id());
        assertThatThrownBy(() -> sessions.get(s.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("no instance \"" + s.id() + "\"");
    }

    @Test
    void aRecordBecomesANewInstanceWithTheSameState() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", 5L);
        s.execute("pc1", "ping -c 1 10.0.0.2", false, true).get(10, TimeUnit.SECONDS);
        LabRecord record = s.record().get(10, TimeUnit.SECONDS);

        LabSession copy = sessions.restore(record);

        assertThat(copy.id()).isNotEqualTo(s.id());
        assertThat(copy.snapshot().get(10, TimeUnit.SECONDS).terminals())
                .isEqualTo(s.snapshot().get(10, TimeUnit.SECONDS).terminals());
        assertThat(copy.record().get(10, TimeUnit.SECONDS)).isEqualTo(record);
    }

    @Test
    void aServerHoldingAsManyInstancesAsItMayRefusesAnother() {
        sessions.setMaxInstances(1);
        sessions.createEmpty(null);
        assertThatThrownBy(() -> sessions.createEmpty(null)).isInstanceOf(LabSessions.ServerFullException.class)
                .hasMessageStartingWith("this server holds 1 lab instances, the most it takes");
    }

    @Test
    void anInstanceNobodyUsedForTheTimeToLiveIsDeleted() {
        sessions.setTimeToLive(Duration.ofDays(30));
        LabSession s = sessions.createEmpty(null, "10.1.1.1");
        wall.addAndGet(Duration.ofDays(31).toNanos());

        sessions.expireAbandoned();

        assertThatThrownBy(() -> sessions.get(s.id())).isInstanceOf(NotFoundException.class);
        assertThat(sessions.instancesOf("10.1.1.1")).isZero();
    }

    @Test
    void anInstanceUsedWithinTheTimeToLiveIsKept() throws Exception {
        sessions.setTimeToLive(Duration.ofDays(30));
        LabSession s = sessions.createEmpty(null);
        wall.addAndGet(Duration.ofDays(20).toNanos());
        s.runState().get(10, TimeUnit.SECONDS);
        wall.addAndGet(Duration.ofDays(20).toNanos());

        sessions.expireAbandoned();

        assertThat(sessions.get(s.id())).isSameAs(s);
    }

    @Test
    void aWatchedInstanceOutlivesTheTimeToLive() throws Exception {
        sessions.setTimeToLive(Duration.ofDays(30));
        LabSession s = sessions.createEmpty(null);
        s.attach(WATCHER).get(10, TimeUnit.SECONDS);
        wall.addAndGet(Duration.ofDays(31).toNanos());

        sessions.expireAbandoned();

        assertThat(sessions.get(s.id())).isSameAs(s);
    }

    @Test
    void aRecordOpenedForAClientCountsAgainstItsLimit() throws Exception {
        LabSession s = sessions.createFromCatalogue("tcp-connection", 5L, "10.1.1.2");
        LabRecord record = s.record().get(10, TimeUnit.SECONDS);

        sessions.restore(record, "10.1.1.2");

        assertThat(sessions.instancesOf("10.1.1.2")).isEqualTo(2);
    }

    @Test
    void instanceIdsStartWithTheServersName() {
        sessions.setServerName("s2");

        assertThat(sessions.createEmpty(null).id()).matches("s2-[A-Za-z0-9_-]{22}");
    }

    @Test
    void aServerNameThatCannotStartAnIdIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> sessions.setServerName("S 2/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packetlab.server-name \"S 2/\": use 1 to 16 lower-case letters and digits (it starts every "
                        + "instance id this server makes, as in s1-...)");
    }
}
