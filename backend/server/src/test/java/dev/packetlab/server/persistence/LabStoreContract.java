package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.Secrets;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link LabStore} promises, against whichever database the subclass's Spring context uses: H2 by default
 * ({@link H2LabStoreTest}) and PostgreSQL with the {@code postgres} profile ({@link PostgresLabStoreTest}). Both run
 * the same Flyway migrations, so these tests are also the proof that the migrations mean the same on both.
 */
abstract class LabStoreContract {

    static final String LAB_FILE = """
            id: two-hosts
            title: {en: "Two hosts", ko: "두 호스트"}
            seed: 1
            nodes:
              - {id: pc1, kind: host, ip: 192.168.1.10/24}
              - {id: pc2, kind: host, ip: 192.168.1.20/24}
              - {id: sw1, kind: switch}
            links:
              - {a: pc1, b: sw1}
              - {a: pc2, b: sw1}
            """;
    static final LogEntry PING = new LogEntry.Execute(1_000_000_000L, 3, "pc1", "ping -c 3 192.168.1.20", true, 1);
    static final LogEntry ARP = new LogEntry.Line(5_000_000_000L, 40, "pc2", "arp -n");
    static final LogEntry SLOWER = new LogEntry.SetLink(5_000_000_000L, 41, "pc1:eth0-sw1:p1", Map.of("delay", "20ms"));
    static final LogEntry ECHO = new LogEntry.Line(8_500_000_000L, 77, "pc1", "echo \"quotes\", ünïcödé and\na newline");
    static final LabRecord STATE = new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER, ECHO),
            9_000_000_000L, 80);

    @Autowired
    LabStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadGivesBackTheSavedLabFileSeedTimeAndCommandLog() {
        SavedLabCreated created = store.save(STATE);

        SavedLab loaded = store.load(created.id(), created.ownerToken());

        assertThat(loaded.id()).isEqualTo(created.id());
        assertThat(loaded.record()).isEqualTo(STATE);
    }

    @Test
    void savingGivesA128BitIdAndA256BitOwnerToken() {
        SavedLabCreated created = store.save(STATE);

        assertThat(created.id()).matches("[A-Za-z0-9_-]{22}");
        assertThat(created.ownerToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(store.save(STATE).id()).isNotEqualTo(created.id());
    }

    @Test
    void theDatabaseKeepsOnlyTheSha256OfTheOwnerToken() {
        SavedLabCreated created = store.save(STATE);

        String stored = jdbc.sql("SELECT owner_token_hash FROM saved_lab WHERE id = :id")
                .param("id", created.id()).query(String.class).single();

        assertThat(stored).isEqualTo(Secrets.hash(created.ownerToken())).hasSize(64).doesNotContain(created.ownerToken());
    }

    @Test
    void createdAndUpdatedAtAreTheTimeOfSaving() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SavedLabCreated created = store.save(STATE);
        Instant after = Instant.now();

        SavedLab loaded = store.load(created.id(), created.ownerToken());

        assertThat(loaded.createdAt()).isBetween(before, after);
        assertThat(loaded.updatedAt()).isEqualTo(loaded.createdAt());
    }

    @Test
    void loadWithAnotherLabsTokenIsRejected() {
        SavedLabCreated mine = store.save(STATE);
        SavedLabCreated other = store.save(STATE);

        assertThatThrownBy(() -> store.load(mine.id(), other.ownerToken()))
                .isInstanceOf(OwnerTokenRejectedException.class)
                .hasMessage("This owner token is not the one of saved lab \"" + mine.id() + "\".");
    }

    @Test
    void loadWithoutATokenIsRejected() {
        SavedLabCreated created = store.save(STATE);

        assertThatThrownBy(() -> store.load(created.id(), null))
                .isInstanceOf(OwnerTokenRejectedException.class)
                .hasMessage("Saved lab \"" + created.id() + "\" needs its owner token: send it as \"Authorization: Bearer TOKEN\".");
    }

    @Test
    void loadOfAnIdNobodySavedIsNotFound() {
        assertThatThrownBy(() -> store.load("AAAAAAAAAAAAAAAAAAAAAA", "token"))
                .isInstanceOf(SavedLabNotFoundException.class)
                .hasMessage("No saved lab has the id \"AAAAAAAAAAAAAAAAAAAAAA\".");
    }

    @Test
    void loadOfTextThatIsNotAnIdSaysSo() {
        assertThatThrownBy(() -> store.load("1; DROP TABLE saved_lab", "token"))
                .isInstanceOf(SavedLabNotFoundException.class)
                .hasMessage("\"1; DROP TABLE saved_lab\" is not a saved lab id: an id is 22 characters of A-Z, a-z, 0-9, - and _.");
    }

    @Test
    void updateReplacesTheStateAndKeepsCreatedAt() {
        SavedLabCreated created = store.save(STATE);
        SavedLab first = store.load(created.id(), created.ownerToken());
        LabRecord later = new LabRecord("two-hosts.yaml", LAB_FILE, 42,
                List.of(PING, new LogEntry.Interrupt(11_000_000_000L, 90, "pc1")), 12_000_000_000L, 95);

        SavedLab updated = store.update(created.id(), created.ownerToken(), later);

        assertThat(updated.record()).isEqualTo(later);
        assertThat(store.load(created.id(), created.ownerToken()).record()).isEqualTo(later);
        assertThat(updated.createdAt()).isEqualTo(first.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    }

    @Test
    void updateWithAWrongTokenChangesNothing() {
        SavedLabCreated created = store.save(STATE);
        LabRecord other = new LabRecord("other.yaml", LAB_FILE, 7, List.of(), 0, 0);

        assertThatThrownBy(() -> store.update(created.id(), "not-the-token", other))
                .isInstanceOf(OwnerTokenRejectedException.class);
        assertThat(store.load(created.id(), created.ownerToken()).record()).isEqualTo(STATE);
    }

    @Test
    void saveRejectsALabFileThatIsNotALabNamingWhereItIsWrong() {
        LabRecord broken = new LabRecord("two-hosts.yaml", LAB_FILE.replace("{a: pc2, b: sw1}", "{a: pc2, b: r9}"), 1,
                List.of(), 0, 0);

        assertThatThrownBy(() -> store.save(broken))
                .isInstanceOfSatisfying(InvalidLabRecordException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("labFile", "links[1].b: no node named \"r9\" (known: pc1, pc2, sw1)")));
    }

    @Test
    void saveRejectsALogThatIsNotInTheOrderItWasRecorded() {
        LabRecord record = new LabRecord("two-hosts.yaml", LAB_FILE, 1, List.of(
                new LogEntry.Line(2_000_000_000L, 10, "pc1", "arp -n"),
                new LogEntry.Line(1_000_000_000L, 12, "pc1", "arp -n"),
                new LogEntry.Line(3_000_000_000L, 11, "pc1", "arp -n"),
                new LogEntry.Line(-1, -5, "pc1", "arp -n")), 5_000_000_000L, -2);

        assertThatThrownBy(() -> store.save(record))
                .isInstanceOfSatisfying(InvalidLabRecordException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("events", "must be the number of events run, or -1 when unknown; got -2"),
                        new FieldError("log[1].time", "1000000000 is before the previous entry's 2000000000:"
                                + " the log is in the order it was recorded"),
                        new FieldError("log[2].events", "11 is before the previous entry's 12:"
                                + " the log is in the order it was recorded"),
                        new FieldError("log[3].time", "must be 0 or more nanoseconds, got -1"),
                        new FieldError("log[3].events", "must be 0 or more, got -5")));
    }

    @Test
    void entriesAheadOfThePointReachedMayBeSaved() {
        // After going back in time the runtime keeps what came later as a recording still to play.
        LabRecord rewound = new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER, ECHO),
                2_000_000_000L, 20);

        SavedLabCreated created = store.save(rewound);

        assertThat(store.load(created.id(), created.ownerToken()).record()).isEqualTo(rewound);
    }

    @Test
    void saveRejectsALabFileLargerThan256KiB() {
        String huge = LAB_FILE + "#" + "x".repeat(LabRecordValidator.MAX_LAB_FILE_CHARS);

        assertThatThrownBy(() -> store.save(new LabRecord("big.yaml", huge, 1, List.of(), 0, 0)))
                .isInstanceOfSatisfying(InvalidLabRecordException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("labFile", "has " + huge.length() + " characters, more than the 262144 a saved lab may have")));
    }

    @Test
    void aShareLinkOpensTheLabAsItWasWhenShared() {
        SavedLabCreated created = store.save(STATE);

        ShareLink link = store.createShareLink(created.id(), created.ownerToken(), ShareMode.READONLY);
        SharedLab shared = store.openShareLink(link.id());

        assertThat(link.id()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(created.id());
        assertThat(link.savedLabId()).isEqualTo(created.id());
        assertThat(link.at()).isEqualTo(9_000_000_000L);
        assertThat(shared.linkId()).isEqualTo(link.id());
        assertThat(shared.record()).isEqualTo(STATE);
        assertThat(shared.createdAt()).isEqualTo(link.createdAt());
    }

    @Test
    void aReadOnlyLinkOpensReadOnlyAndAForkLinkDoesNot() {
        SavedLabCreated created = store.save(STATE);

        SharedLab readOnly = store.openShareLink(store.createShareLink(created.id(), created.ownerToken(), ShareMode.READONLY).id());
        SharedLab fork = store.openShareLink(store.createShareLink(created.id(), created.ownerToken(), ShareMode.FORK).id());

        assertThat(readOnly.mode()).isEqualTo(ShareMode.READONLY);
        assertThat(readOnly.readOnly()).isTrue();
        assertThat(fork.mode()).isEqualTo(ShareMode.FORK);
        assertThat(fork.readOnly()).isFalse();
    }

    @Test
    void updatingTheSavedLabDoesNotChangeWhatALinkShows() {
        SavedLabCreated created = store.save(STATE);
        ShareLink link = store.createShareLink(created.id(), created.ownerToken(), ShareMode.FORK);

        store.update(created.id(), created.ownerToken(), new LabRecord("two-hosts.yaml", LAB_FILE, 99, List.of(),
                20_000_000_000L, 1000));

        assertThat(store.openShareLink(link.id()).record()).isEqualTo(STATE);
    }

    @Test
    void aLinkToAnEarlierTimeKeepsOnlyTheEntriesGivenUntilThen() {
        SavedLabCreated created = store.save(STATE);

        ShareLink link = store.createShareLink(created.id(), created.ownerToken(), ShareMode.READONLY, 5_000_000_000L);

        assertThat(link.at()).isEqualTo(5_000_000_000L);
        assertThat(store.openShareLink(link.id()).record()).isEqualTo(
                new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER), 5_000_000_000L, -1));
    }

    @Test
    void aLinkLeavesOutTheRecordingStillAheadOfTheSavedPoint() {
        SavedLabCreated created = store.save(new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER, ECHO),
                6_000_000_000L, 41));

        ShareLink link = store.createShareLink(created.id(), created.ownerToken(), ShareMode.FORK);

        assertThat(store.openShareLink(link.id()).record()).isEqualTo(
                new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER), 6_000_000_000L, 41));
    }

    @Test
    void aLinkToATimeTheLabHasNotReachedIsRejected() {
        SavedLabCreated created = store.save(STATE);

        assertThatThrownBy(() -> store.createShareLink(created.id(), created.ownerToken(), ShareMode.FORK, 9_000_000_001L))
                .isInstanceOfSatisfying(InvalidLabRecordException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("at", "must be between 0 and 9000000000 nanoseconds, the time the saved lab"
                                + " reached; got 9000000001")));
    }

    @Test
    void sharingNeedsTheOwnerToken() {
        SavedLabCreated created = store.save(STATE);

        assertThatThrownBy(() -> store.createShareLink(created.id(), "guess", ShareMode.FORK))
                .isInstanceOf(OwnerTokenRejectedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM share_link WHERE saved_lab_id = :id")
                .param("id", created.id()).query(Long.class).single()).isZero();
    }

    @Test
    void forkingGivesANewLabAtTheSharedPointWithItsOwnToken() {
        SavedLabCreated original = store.save(STATE);
        ShareLink link = store.createShareLink(original.id(), original.ownerToken(), ShareMode.FORK, 5_000_000_000L);

        SavedLabCreated fork = store.fork(link.id());

        assertThat(fork.id()).isNotEqualTo(original.id());
        assertThat(fork.ownerToken()).isNotEqualTo(original.ownerToken());
        assertThat(store.load(fork.id(), fork.ownerToken()).record())
                .isEqualTo(new LabRecord("two-hosts.yaml", LAB_FILE, 42, List.of(PING, ARP, SLOWER), 5_000_000_000L, -1));
        assertThatThrownBy(() -> store.load(fork.id(), original.ownerToken())).isInstanceOf(OwnerTokenRejectedException.class);
        assertThatThrownBy(() -> store.load(original.id(), fork.ownerToken())).isInstanceOf(OwnerTokenRejectedException.class);
    }

    @Test
    void aReadOnlyLinkCannotBeForked() {
        SavedLabCreated created = store.save(STATE);
        ShareLink link = store.createShareLink(created.id(), created.ownerToken(), ShareMode.READONLY);

        assertThatThrownBy(() -> store.fork(link.id()))
                .isInstanceOf(ReadOnlyShareLinkException.class)
                .hasMessage("Share link \"" + link.id() + "\" is read-only: it replays the lab and cannot be forked.");
    }

    @Test
    void openingALinkNobodyMadeIsNotFound() {
        assertThatThrownBy(() -> store.openShareLink("BBBBBBBBBBBBBBBBBBBBBB"))
                .isInstanceOf(ShareLinkNotFoundException.class)
                .hasMessage("No share link has the id \"BBBBBBBBBBBBBBBBBBBBBB\": check that the whole link was copied.");
    }
}
