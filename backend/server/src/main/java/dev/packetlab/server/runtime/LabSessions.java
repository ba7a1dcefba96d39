package dev.packetlab.server.runtime;

import dev.packetlab.server.Secrets;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.trace.TraceListener;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every live instance of this server, by id: creating them (from the catalogue, from a lab file, from nothing),
 * finding them, deleting them, and evicting the ones nobody used for a while. An evicted instance keeps only its
 * {@link LabRecord} and is rebuilt by replay on its next use, so many idle instances cost little memory and no CPU.
 *
 * <p><b>Outliving a restart.</b> An instance is fully described by {@link LabSession#record()}. With an
 * {@link InstanceArchive} (the database, in the server), every instance's record is written there when it changed
 * (checked at each sweep) and when the server stops, and an id this server does not hold in memory is looked up there
 * and rebuilt by replay under the same id. Saved labs and share links are another matter: a store gives their
 * records to {@link #restore(LabRecord, String)}, which starts a new instance under a new id.
 *
 * <p><b>Abandoned instances.</b> An instance nobody asked for during the time-to-live ({@code
 * packetlab.instances.time-to-live}, 30 days by default) and nobody watches is deleted, in memory and in the archive.
 */
@Service
public class LabSessions {
    private static final Logger LOG = LoggerFactory.getLogger(LabSessions.class);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern SERVER_NAME = Pattern.compile("[a-z0-9]{1,16}");
    /** How long stopping the server waits for one instance's record before it gives that instance up. */
    private static final long SHUTDOWN_RECORD_SECONDS = 5;

    private final SessionScheduler scheduler;
    private final LabSession.Settings settings;
    private final long idleNanos;
    private final Map<String, LabSession> sessions = new ConcurrentHashMap<>();
    /** The catalogue's lab files by lab id: file name and text. */
    private final Map<String, String[]> catalogue;
    private final ScheduledFuture<?> sweeper;
    private volatile Supplier<List<TraceListener>> extraListeners = List::of;
    private int maxInstances = 2000;
    /** The client address that created each instance, for those created on behalf of one. */
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private int maxPerClient = 50;
    /** Who may change each instance (its owner token's hash); an instance missing here takes no token. */
    private final Map<String, InstanceOwner> owners = new ConcurrentHashMap<>();
    private long timeToLiveNanos = Duration.ofDays(30).toNanos();
    /** The server's name and a dash, put in front of its instance ids, or empty. */
    private String idPrefix = "";
    /** Null: instances live in memory only (as in unit tests of the runtime). */
    private volatile InstanceArchive archive;
    /** What was last written to the archive for each instance, so that an unchanged one is not written again. */
    private final Map<String, LabRecord> archived = new ConcurrentHashMap<>();
    /** Writes to the archive, off the scheduler's threads that run simulations. */
    private final ExecutorService archiving = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "instance-archive");
        t.setDaemon(true);
        return t;
    });
    /** The wall-clock instant at which {@link SessionScheduler#now()} read {@link #epochNanos}. */
    private final Instant epoch = Instant.now();
    private final long epochNanos;

    @Autowired
    public LabSessions(@Value("${packetlab.instances.idle-eviction:10m}") Duration idleEviction,
                       @Value("${packetlab.instances.capture-bytes:33554432}") long captureBytes,
                       @Value("${packetlab.instances.max-nodes:64}") int maxNodes,
                       @Value("${packetlab.instances.max-links:128}") int maxLinks,
                       @Value("${packetlab.instances.inputs-per-second:50}") int inputsPerSecond,
                       @Value("${packetlab.instances.events-per-second:200000}") long eventsPerSecond,
                       @Value("${packetlab.instances.processor-per-second:250ms}") Duration processorPerSecond,
                       @Value("${packetlab.instances.max:2000}") int maxInstances,
                       @Value("${packetlab.instances.per-client:50}") int maxPerClient,
                       @Value("${packetlab.instances.time-to-live:30d}") Duration timeToLive,
                       @Value("${packetlab.server-name:}") String serverName) {
        this(new SessionScheduler(), idleEviction,
                new LabSession.Settings(captureBytes, maxNodes, maxLinks, inputsPerSecond, eventsPerSecond,
                        processorPerSecond.toNanos()),
                loadCatalogue());
        this.maxInstances = maxInstances;
        this.maxPerClient = maxPerClient;
        this.timeToLiveNanos = timeToLive.toNanos();
        setServerName(serverName);
    }

    LabSessions(SessionScheduler scheduler, Duration idleEviction, LabSession.Settings settings,
                Map<String, String[]> catalogue) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.idleNanos = idleEviction.toNanos();
        this.catalogue = catalogue;
        this.epochNanos = scheduler.now();
        long sweep = Math.max(1_000_000_000L, Math.min(idleNanos / 4, 60_000_000_000L));
        this.sweeper = scheduler.every(sweep, this::sweep);
    }

    /** Keeps every instance in {@code archive} from now on, and finds there the ones this server does not hold. */
    @Autowired(required = false)
    public void setArchive(InstanceArchive archive) {
        this.archive = archive;
    }

    /**
     * Puts {@code name-} in front of every instance id this server makes, so that a proxy in front of several
     * servers can send every request about an instance to the server that holds it (docs/deploy.md).
     *
     * @param name a short name of lower-case letters and digits, or empty for none
     * @throws IllegalArgumentException naming the setting when the name is not such a name
     */
    void setServerName(String name) {
        if (!name.isEmpty() && !SERVER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("packetlab.server-name \"" + name + "\": use 1 to 16 lower-case letters "
                    + "and digits (it starts every instance id this server makes, as in s1-...)");
        }
        this.idPrefix = name.isEmpty() ? "" : name + "-";
    }

    void setTimeToLive(Duration timeToLive) {
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    public SessionScheduler scheduler() { return scheduler; }

    /**
     * A new instance of a catalogue lab.
     *
     * @throws NotFoundException when the catalogue has no lab with that id
     */
    public LabSession createFromCatalogue(String labId, Long seed) {
        return createFromCatalogue(labId, seed, null);
    }

    /**
     * A new instance of a catalogue lab for a client address, which may hold at most {@code per-client} instances.
     *
     * @param client the address, or null for an instance no client is counted for
     * @throws NotFoundException when the catalogue has no lab with that id
     * @throws TooManyInstancesException when the client holds as many as it may
     */
    public LabSession createFromCatalogue(String labId, Long seed, String client) {
        String[] file = catalogue.get(labId);
        if (file == null) {
            throw new NotFoundException("lab", labId, " in the catalogue (known: " + String.join(", ", catalogue.keySet()) + ")");
        }
        return create(file[0], file[1], seed, client);
    }

    /**
     * A new instance of a lab file's text.
     *
     * @throws LabException naming the place in the file and what is wrong
     */
    public LabSession create(String fileName, String labFile, Long seed) {
        return create(fileName, labFile, seed, null);
    }

    /**
     * A new instance of a lab file's text for a client address.
     *
     * @param client the address, or null for an instance no client is counted for
     * @throws LabException naming the place in the file and what is wrong
     * @throws TooManyInstancesException when the client holds as many as it may
     */
    public LabSession create(String fileName, String labFile, Long seed, String client) {
        checkCapacity();
        checkClient(client);
        LabSession s = LabSession.create(newId(), fileName, labFile, seed, scheduler, settings, extraListeners);
        admit(s, client);
        return s;
    }

    /** A new instance with no nodes yet, to be built with topology edits. */
    public LabSession createEmpty(Long seed) {
        return createEmpty(seed, null);
    }

    /** A new empty instance for a client address; see {@link #create(String, String, Long, String)}. */
    public LabSession createEmpty(Long seed, String client) {
        return create("untitled.yaml", LabDocument.emptyLabFile(), seed, client);
    }

    /**
     * Adds a built instance, checking the client's count again: two requests of one client may have been built side
     * by side, and the second one past the limit is dropped.
     */
    private void admit(LabSession s, String client) {
        if (client == null) {
            sessions.put(s.id(), s);
            return;
        }
        synchronized (clients) {
            try {
                checkClient(client);
            } catch (TooManyInstancesException e) {
                s.close();
                throw e;
            }
            sessions.put(s.id(), s);
            clients.put(s.id(), client);
        }
    }

    /** Refuses a new instance to a client address that holds as many as it may. */
    private void checkClient(String client) {
        if (client == null) return;
        long held = clients.values().stream().filter(client::equals).count();
        if (held >= maxPerClient) throw new TooManyInstancesException(client, maxPerClient);
    }

    /** Instances created for a client address that still exist. */
    public long instancesOf(String client) {
        return clients.values().stream().filter(client::equals).count();
    }

    /** An instance rebuilt from a record (saved, shared, or exported from another server), under a new id. */
    public LabSession restore(LabRecord record) {
        return restore(record, null);
    }

    /**
     * An instance rebuilt from a record under a new id, for a client address (a saved lab or a share link opened
     * by someone), which counts against that address's limit as a new instance does.
     *
     * @param client the address, or null for an instance no client is counted for
     * @throws TooManyInstancesException when the client holds as many as it may
     */
    public LabSession restore(LabRecord record, String client) {
        checkCapacity();
        checkClient(client);
        LabSession s = LabSession.restore(newId(), record, scheduler, settings, extraListeners);
        admit(s, client);
        return s;
    }

    /** Refuses a new instance when the server holds as many as it may. */
    private void checkCapacity() {
        if (sessions.size() >= maxInstances) throw new ServerFullException(maxInstances);
    }

    void setMaxInstances(int max) {
        this.maxInstances = max;
    }

    /** A client address holds as many instances as one may. Becomes a 429 naming the limit. */
    public static final class TooManyInstancesException extends RuntimeException {
        private final int limit;

        TooManyInstancesException(String client, int limit) {
            super("the address " + client + " holds " + limit + " lab instances, the most one client address may "
                    + "(packetlab.instances.per-client); delete one it no longer uses (DELETE /api/instances/{id})");
            this.limit = limit;
        }

        /** Instances one client address may hold. */
        public int limit() { return limit; }
    }

    /** The server holds as many instances as it may. Becomes a 503. */
    public static final class ServerFullException extends RuntimeException {
        ServerFullException(int max) {
            super("this server holds " + max + " lab instances, the most it takes; delete one or try again later");
        }
    }

    /**
     * @throws NotFoundException when there is no instance with that id
     */
    public LabSession get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("instance", id));
    }

    /** The instance with that id: in memory, or else rebuilt from the archive (after a restart). */
    public Optional<LabSession> find(String id) {
        LabSession s = sessions.get(id);
        if (s != null || archive == null || id == null) return Optional.ofNullable(s);
        return archive.find(id).map(this::reload);
    }

    /** Brings an archived instance back under its own id; a request that raced this one gets the same instance. */
    private LabSession reload(ArchivedInstance kept) {
        synchronized (clients) {
            LabSession s = sessions.get(kept.id());
            if (s != null) return s;
            checkCapacity();
            s = LabSession.restore(kept.id(), kept.record(), scheduler, settings, extraListeners);
            sessions.put(s.id(), s);
            if (kept.client() != null) clients.put(s.id(), kept.client());
            owners.put(s.id(), kept.owner());
            archived.put(s.id(), kept.record());
            return s;
        }
    }

    public Collection<LabSession> all() {
        return sessions.values();
    }

    /** Deletes an instance for good. */
    public void delete(String id) {
        LabSession s = sessions.remove(id);
        InstanceArchive a = archive;
        if (s == null && (a == null || a.find(id).isEmpty())) throw new NotFoundException("instance", id);
        forget(id, s);
    }

    /**
     * Takes an instance out of memory and out of the archive. The archive's copy goes on the archive's own thread,
     * after any write of it already asked for, and this waits for that: a deleted instance is never found again.
     */
    private void forget(String id, LabSession s) {
        clients.remove(id);
        owners.remove(id);
        if (s != null) s.close();
        InstanceArchive a = archive;
        if (a == null) return;
        try {
            archiving.submit(() -> {
                archived.remove(id);
                quietly(() -> a.remove(id), "forget instance " + id);
            }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("instance {} may still be in the archive: {}", id, e.toString());
        }
    }

    // ---- owner tokens (docs/protocol.md, "Owner tokens") ----------------------------------------------------------

    /**
     * Makes a new instance its creator's: a new owner token, of which only the hash is kept. Called once, by the code
     * that created the instance and answers its creator.
     *
     * @return the owner token, to give to the creator this once
     * @throws IllegalStateException if the instance was given an owner before
     */
    public String issueOwnerToken(LabSession s) {
        String token = Secrets.newToken();
        own(s, InstanceOwner.owned(Secrets.hash(token)));
        return token;
    }

    /**
     * Makes a new instance a read-only replay (a read-only share link's): nobody may change it; its opener gets a
     * replay token, which drives the replay (run controls) and ends it, and nothing else.
     *
     * @return the replay token, to give to the opener this once
     * @throws IllegalStateException if the instance was given an owner before
     */
    public String issueReplayToken(LabSession s) {
        String token = Secrets.newToken();
        own(s, InstanceOwner.readOnly(Secrets.hash(token)));
        return token;
    }

    /**
     * Gives an instance an owner known by a token's hash already (a classroom's student or teacher, whose class token
     * owns their lab too).
     *
     * @throws IllegalStateException if the instance was given an owner before
     */
    public void own(LabSession s, InstanceOwner owner) {
        if (owners.putIfAbsent(s.id(), owner) != null) {
            throw new IllegalStateException("instance " + s.id() + " has an owner already");
        }
    }

    /**
     * Who may change an instance. One that was given no owner (made by code that answers nobody) takes no token:
     * every change to it is refused.
     */
    public InstanceOwner owner(String id) {
        return owners.getOrDefault(id, NO_OWNER);
    }

    private static final InstanceOwner NO_OWNER = new InstanceOwner(null, false);

    /** Lab ids of the catalogue. */
    public Collection<String> catalogueIds() {
        return catalogue.keySet();
    }

    /** Listeners every instance subscribes when it is built or rebuilt (tests attach event logs this way). */
    void setExtraListeners(Supplier<List<TraceListener>> listeners) {
        this.extraListeners = listeners;
    }

    /** What the sweeper does: evicts idle instances, deletes abandoned ones, archives changed ones. */
    void sweep() {
        evictIdle();
        expireAbandoned();
        archiveChanged();
    }

    /**
     * Deletes every instance nobody watches that nobody asked for during the time-to-live, here and in the
     * archive (those the archive holds but this server never loaded since its start, too).
     */
    void expireAbandoned() {
        long now = scheduler.now();
        for (LabSession s : sessions.values()) {
            if (s.watchers() == 0 && now - s.lastUsed() > timeToLiveNanos && sessions.remove(s.id(), s)) {
                forget(s.id(), s);
            }
        }
        InstanceArchive a = archive;
        if (a != null) {
            Instant cutoff = wallClock(now - timeToLiveNanos);
            try {
                archiving.execute(() -> quietly(() -> a.removeUnusedSince(cutoff), "expire archived instances"));
            } catch (RejectedExecutionException stopping) {
                // the server is stopping; the next start expires them
            }
        }
    }

    /**
     * Writes to the archive the record of every instance that changed since it was last written.
     *
     * @return done when every write is (the sweeper does not wait; tests do)
     */
    CompletableFuture<Void> archiveChanged() {
        InstanceArchive a = archive;
        if (a == null) return CompletableFuture.completedFuture(null);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (LabSession s : sessions.values()) {
            writes.add(s.record().thenAcceptAsync(r -> {
                if (!r.equals(archived.get(s.id())) && sessions.get(s.id()) == s) {
                    quietly(() -> a.put(archivedInstance(s, r)), "archive instance " + s.id());
                    archived.put(s.id(), r);
                }
            }, archiving));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Waits until every archive write asked for so far is done (tests, and the last sweep before stopping). */
    void awaitArchiving() throws InterruptedException, ExecutionException, TimeoutException {
        archiving.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private ArchivedInstance archivedInstance(LabSession s, LabRecord r) {
        return new ArchivedInstance(s.id(), r, clients.get(s.id()), owner(s.id()), wallClock(s.lastUsed()));
    }

    /** The wall-clock instant of a {@link SessionScheduler#now()} reading. */
    private Instant wallClock(long schedulerNanos) {
        return epoch.plusNanos(schedulerNanos - epochNanos);
    }

    /** Runs an archive write; a database that fails is logged, never allowed to stop the sweeper or a lab. */
    private static void quietly(Runnable write, String what) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("could not {}: {}", what, e.toString());
        }
    }

    /** Evicts every instance without watchers that nobody used for the idle time. */
    void evictIdle() {
        long now = scheduler.now();
        for (LabSession s : sessions.values()) {
            if (s.watchers() == 0 && now - s.lastUsed() > idleNanos) s.evict();
        }
    }

    /** Stops the sweeper, writes every instance's record to the archive (so a restart loses none), stops the labs. */
    @PreDestroy
    public void shutdown() {
        sweeper.cancel(false);
        archiving.shutdown(); // the writes asked for by the last sweep go first, then the final ones below
        try {
            archiving.awaitTermination(SHUTDOWN_RECORD_SECONDS, TimeUnit.SECONDS);
            InstanceArchive a = archive;
            if (a != null) for (LabSession s : sessions.values()) archiveNow(a, s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.close();
    }

    private void archiveNow(InstanceArchive a, LabSession s) throws InterruptedException {
        try {
            LabRecord r = s.record().get(SHUTDOWN_RECORD_SECONDS, TimeUnit.SECONDS);
            if (!r.equals(archived.get(s.id()))) quietly(() -> a.put(archivedInstance(s, r)), "archive instance " + s.id());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("instance {} not archived on the way down: {}", s.id(), e.toString());
        }
    }

    /** 128 random bits, URL-safe, after the server's name if it has one: an id nobody can guess or enumerate. */
    private String newId() {
        return idPrefix + Secrets.newId();
    }

    /** Reads the id of every {@code classpath:labs/*.yaml} (the catalogue validates them at start-up). */
    static Map<String, String[]> loadCatalogue() {
        Map<String, String[]> result = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:labs/*.yaml")) {
                String text;
                try (InputStream in = r.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                JsonNode id = YAML.readTree(text).get("id");
                if (id != null && id.isString()) result.put(id.stringValue(), new String[] {"labs/" + r.getFilename(), text});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labs", e);
        }
        return result;
    }
}
