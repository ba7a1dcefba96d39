package dev.packetlab.server.runtime;

import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.trace.TraceListener;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
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
 * <p><b>Persistence integration point.</b> An instance is fully described by {@link LabSession#record()}; a store
 * saves that (lab file text, seed, command log, position) and gives it back to {@link #restore(LabRecord)} after a
 * restart or for a shared link. This class does not save anything itself.
 */
@Service
public class LabSessions {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final SecureRandom IDS = new SecureRandom();

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

    @Autowired
    public LabSessions(@Value("${packetlab.instances.idle-eviction:10m}") Duration idleEviction,
                       @Value("${packetlab.instances.capture-bytes:33554432}") long captureBytes,
                       @Value("${packetlab.instances.max-nodes:64}") int maxNodes,
                       @Value("${packetlab.instances.max-links:128}") int maxLinks,
                       @Value("${packetlab.instances.inputs-per-second:50}") int inputsPerSecond,
                       @Value("${packetlab.instances.events-per-second:200000}") long eventsPerSecond,
                       @Value("${packetlab.instances.processor-per-second:250ms}") Duration processorPerSecond,
                       @Value("${packetlab.instances.max:2000}") int maxInstances,
                       @Value("${packetlab.instances.per-client:50}") int maxPerClient) {
        this(new SessionScheduler(), idleEviction,
                new LabSession.Settings(captureBytes, maxNodes, maxLinks, inputsPerSecond, eventsPerSecond,
                        processorPerSecond.toNanos()),
                loadCatalogue());
        this.maxInstances = maxInstances;
        this.maxPerClient = maxPerClient;
    }

    LabSessions(SessionScheduler scheduler, Duration idleEviction, LabSession.Settings settings,
                Map<String, String[]> catalogue) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.idleNanos = idleEviction.toNanos();
        this.catalogue = catalogue;
        long sweep = Math.max(1_000_000_000L, Math.min(idleNanos / 4, 60_000_000_000L));
        this.sweeper = scheduler.every(sweep, this::evictIdle);
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
        checkCapacity();
        LabSession s = LabSession.restore(newId(), record, scheduler, settings, extraListeners);
        sessions.put(s.id(), s);
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
        LabSession s = sessions.get(id);
        if (s == null) throw new NotFoundException("instance", id);
        return s;
    }

    public Optional<LabSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public Collection<LabSession> all() {
        return sessions.values();
    }

    /** Deletes an instance for good. */
    public void delete(String id) {
        LabSession s = sessions.remove(id);
        if (s == null) throw new NotFoundException("instance", id);
        clients.remove(id);
        owners.remove(id);
        s.close();
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
        String token = OwnerTokens.newToken();
        own(s, InstanceOwner.owned(OwnerTokens.hash(token)));
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
        String token = OwnerTokens.newToken();
        own(s, InstanceOwner.readOnly(OwnerTokens.hash(token)));
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

    /** Evicts every instance without watchers that nobody used for the idle time. */
    void evictIdle() {
        long now = scheduler.now();
        for (LabSession s : sessions.values()) {
            if (s.watchers() == 0 && now - s.lastUsed() > idleNanos) s.evict();
        }
    }

    @PreDestroy
    public void shutdown() {
        sweeper.cancel(false);
        scheduler.close();
    }

    /** 128 random bits, URL-safe: an id nobody can guess or enumerate. */
    private static String newId() {
        byte[] b = new byte[16];
        IDS.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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
