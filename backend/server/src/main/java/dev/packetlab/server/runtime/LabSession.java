package dev.packetlab.server.runtime;

import dev.packetlab.server.runtime.RunState.Mode;
import dev.packetlab.stack.app.ServiceCatalog;
import dev.packetlab.stack.app.Shell;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LinkSpec;
import dev.packetlab.stack.lab.NodeSpec;
import dev.packetlab.stack.lab.ScriptRunner;
import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One live lab instance: its simulation, the lab file it was built from, its seed and the log of everything users
 * did to it, and how it runs (paused, playing at a speed, running flat out). The simulation itself, with the capture,
 * the terminals and the views of it, is a {@link LiveSimulation}; this class drives it on the wall clock, keeps the
 * log and replays it.
 *
 * <p><b>Threads.</b> Every public method posts a task to the instance's {@link Mailbox} and returns a future: the
 * simulation is only ever touched by the one pool thread draining that mailbox at a time. A paused instance, or a
 * playing one whose next event is not yet due, has no task queued and costs no CPU; the {@link SessionScheduler}'s
 * timer posts a tick when the next event falls due on the wall clock.
 *
 * <p><b>Replay.</b> The instance is fully described by {@link #record()}: rebuilding from it and applying each
 * {@link LogEntry} at its point (time and event count) gives the same simulation event for event. That is how an
 * evicted instance comes back, and how "go back to time t" works: rebuild, replay up to t, and keep the later
 * entries as a recording that plays on until the user does something of their own.
 */
public final class LabSession {
    /** Slowest and fastest play, simulated seconds per wall-clock second. */
    public static final double MIN_SPEED = 0.0001;
    public static final double MAX_SPEED = 1000;
    /** The shortest wall-clock gap between two ticks while playing: about 30 per second, the batch rate of clients. */
    static final long TICK = 1_000_000_000L / 30;
    /** The longest one mailbox task may simulate before letting other instances have the thread, wall-clock ns. */
    static final long SLICE = 20_000_000L;
    /** How far "run until idle" goes in simulated time when something (a ping without -c) never stops. */
    static final long RUN_HORIZON = SimTime.seconds(3600);
    /** How many events "step to the next frame" may run looking for one. */
    static final long STEP_FRAME_LIMIT = 1_000_000;
    /**
     * Keys messages per second to one instance, in bursts of as many: a terminal sends one per key (a paste is one),
     * and a fast typist makes fifteen. The lines, Ctrl-C and Ctrl-D they make count as inputs besides.
     */
    static final int KEYS_PER_SECOND = 100;
    /** Output kept per job. */
    static final int JOB_OUTPUT = 64 * 1024;
    /** Jobs remembered per instance; the oldest that ended are forgotten first. */
    static final int JOBS = 200;

    /**
     * Per-instance limits.
     *
     * @param captureBytes    frames kept for the packet list and pcap downloads, bytes
     * @param maxNodes        nodes one instance may have
     * @param maxLinks        links one instance may have
     * @param inputsPerSecond lines, commands, Ctrl-C/Ctrl-D and edits a user may send per second (bursts up to as
     *                        many at once)
     * @param eventsPerSecond simulation events the instance may run per second of wall-clock time (bursts up to as
     *                        many at once); beyond it the instance is throttled, which contains a broadcast storm
     * @param processorPerSecond nanoseconds of a pool thread's time the instance may take per second of wall-clock
     *                        time: events cost more when someone watches (each frame is taken apart and sent), so
     *                        the events alone do not bound what an instance takes from the others
     */
    public record Settings(long captureBytes, int maxNodes, int maxLinks, int inputsPerSecond, long eventsPerSecond,
                           long processorPerSecond) {
        public static final Settings DEFAULT = new Settings(32L * 1024 * 1024, 64, 128, 50, 200_000, 250_000_000L);
    }

    /** A user sent more than {@link Settings#inputsPerSecond}. Becomes a 429. */
    public static final class TooManyInputsException extends RuntimeException {
        TooManyInputsException(int perSecond) {
            this("more than " + perSecond + " inputs per second to one instance; slow down");
        }

        TooManyInputsException(String message) {
            super(message);
        }
    }

    /** What a run control asks for; {@code speed}, {@code skipIdle} and {@code time} only where they apply. */
    public record Control(Action action, Double speed, Boolean skipIdle, Long time) {
        /**
         * PAUSE; PLAY at {@code speed}, optionally skipping idle time; STEP one event; STEP_FRAME until the next frame
         * is sent; RUN_UNTIL_IDLE flat out until nothing is left to happen; ADVANCE flat out by {@code time}
         * nanoseconds of simulated time (a script's {@code wait}); SEEK to simulated time {@code time}, back or ahead.
         */
        public enum Action { PAUSE, PLAY, STEP, STEP_FRAME, RUN_UNTIL_IDLE, ADVANCE, SEEK }
    }

    private final String id;
    private final String fileName;
    private final String labFile;
    private final long seed;
    private final SessionScheduler scheduler;
    private final Mailbox mailbox;
    private final Settings settings;
    private final Supplier<List<TraceListener>> extraListeners;

    // ---- confined to the mailbox ----
    private LabDocument document;
    private final List<LogEntry> log = new ArrayList<>();
    /** Entries of {@link #log} applied so far; those after it are a recording still to play. */
    private int applied;
    private LiveSimulation live;
    /** Where an evicted instance stood, to rebuild it to. */
    private long restoreTime;
    private long restoreEvents;
    private Mode mode = Mode.PAUSED;
    private double speed = 1;
    private boolean skipIdle;
    private boolean behind;
    private long anchorWall;
    private long anchorSim;
    private ScheduledFuture<?> wake;
    private boolean closed;
    /** While RUNNING: when to stop, and the mode to return to. */
    private BooleanSupplier runDone;
    private long runHorizon;
    private boolean runToHorizon;
    private Mode afterRun = Mode.PAUSED;
    private final List<CompletableFuture<RunState>> runWaiters = new ArrayList<>();
    private final List<SessionObserver> observers = new ArrayList<>();
    /** Told of every build of the simulation; see {@link #onEachBuild}. */
    private final List<BiConsumer<Lab, LabInstance>> buildHooks = new ArrayList<>();
    /** The terminals typed at key by key, which outlive rebuilds. */
    private final KeyboardTerminals keyboards = new KeyboardTerminals(observers);
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private long nextJob = 1;

    private final TokenBucket inputs;
    /** Keys messages a client may send; see {@link #KEYS_PER_SECOND}. */
    private final TokenBucket keystrokes;
    /** Simulation events this instance may still run; see {@link Settings#eventsPerSecond}. */
    private final TokenBucket events;
    /** Pool-thread time, ns, this instance may still take; see {@link Settings#processorPerSecond}. */
    private final TokenBucket processor;
    /** Whether the last slice ran out of {@link #events}: the clock is held to that rate, and watchers were told. */
    private volatile boolean throttled;
    /**
     * Events of the current build the bucket has been charged for: a slice takes what it may run before it runs,
     * and what it did not run goes back when events are counted.
     */
    private long paidEvents;
    /** Counts ticks arranged, so that only the latest one runs. */
    private long ticks;
    /** Counts runs started, so that a slice of an earlier run still queued does nothing. */
    private long runs;
    private volatile long lastUsed;
    private volatile int watchers;

    private LabSession(String id, String fileName, String labFile, long seed, SessionScheduler scheduler,
                       Settings settings, Supplier<List<TraceListener>> extraListeners) {
        this.id = id;
        this.fileName = fileName;
        this.labFile = labFile;
        this.seed = seed;
        this.scheduler = scheduler;
        this.mailbox = scheduler.mailbox(id);
        this.settings = settings;
        this.extraListeners = extraListeners;
        this.lastUsed = scheduler.now();
        this.inputs = new TokenBucket(settings.inputsPerSecond(), settings.inputsPerSecond(), lastUsed);
        this.keystrokes = new TokenBucket(KEYS_PER_SECOND, KEYS_PER_SECOND, lastUsed);
        this.events = new TokenBucket(settings.eventsPerSecond(), settings.eventsPerSecond(), lastUsed);
        this.processor = new TokenBucket(settings.processorPerSecond(), settings.processorPerSecond(), lastUsed);
    }

    /**
     * A new instance of a lab file, built at once so that a lab that cannot be built is refused here.
     *
     * @param seed null for the lab's own
     * @throws LabException naming the place in the lab file and what is wrong
     */
    public static LabSession create(String id, String fileName, String labFile, Long seed, SessionScheduler scheduler,
                                    Settings settings, Supplier<List<TraceListener>> extraListeners) {
        LabDocument doc = LabDocument.read(fileName, labFile);
        checkSize(doc, settings);
        LabSession s = new LabSession(id, fileName, labFile, seed == null ? doc.lab().seed() : seed, scheduler,
                settings, extraListeners);
        s.live = s.build();
        return s;
    }

    /**
     * An instance described by a record (an evicted one, a saved one, a shared one). It is rebuilt by replay when
     * first used.
     *
     * @throws LabException when the record's lab file is not valid
     */
    public static LabSession restore(String id, LabRecord record, SessionScheduler scheduler, Settings settings,
                                     Supplier<List<TraceListener>> extraListeners) {
        checkSize(LabDocument.read(record.fileName(), record.labFile()), settings); // refuse it now, not at first use
        LabSession s = new LabSession(id, record.fileName(), record.labFile(), record.seed(), scheduler, settings,
                extraListeners);
        s.log.addAll(record.log());
        s.restoreTime = record.time();
        s.restoreEvents = record.events();
        // entries at or before the point it had reached were applied; any later ones are a recording still to play
        for (LogEntry e : record.log()) {
            boolean before = record.events() < 0 ? e.time() <= record.time()
                    : e.events() < record.events() || (e.events() == record.events() && e.time() <= record.time());
            if (before) s.applied++;
        }
        for (LogEntry e : record.log()) if (e instanceof LogEntry.Execute x) s.nextJob = Math.max(s.nextJob, x.job() + 1);
        return s;
    }

    /** Refuses a lab with more nodes or links than an instance may have, in the words of a lab file. */
    static void checkSize(LabDocument doc, Settings settings) {
        List<LabError> errors = new ArrayList<>();
        if (doc.lab().nodes().size() > settings.maxNodes()) {
            errors.add(new LabError("nodes", doc.lab().nodes().size() + " nodes; an instance takes at most "
                    + settings.maxNodes()));
        }
        if (doc.lab().links().size() > settings.maxLinks()) {
            errors.add(new LabError("links", doc.lab().links().size() + " links; an instance takes at most "
                    + settings.maxLinks()));
        }
        if (!errors.isEmpty()) throw new LabException(doc.fileName(), errors);
    }

    /** Takes one input from the token bucket, or refuses it. */
    private void spendInput() {
        if (!inputs.tryTake(scheduler.now())) throw new TooManyInputsException(settings.inputsPerSecond());
    }

    public String id() { return id; }

    /** Wall-clock time ({@link SessionScheduler#now()}) of the last request or watcher activity. */
    public long lastUsed() { return lastUsed; }

    /** WebSocket clients attached. */
    public int watchers() { return watchers; }

    /** Whether the instance is held to {@link Settings#eventsPerSecond} now (a metric; the run state tells it too). */
    public boolean throttled() { return throttled; }

    // ==== the public API: each call is a task in the mailbox ========================================================

    /** The whole state, for a client that draws it from scratch. */
    public CompletableFuture<Snapshot> snapshot() {
        return call(this::buildSnapshot);
    }

    public CompletableFuture<RunState> runState() {
        return call(this::state);
    }

    /** Pause, play, step, run until idle, go back in time; completes when the control has taken effect. */
    public CompletableFuture<RunState> control(Control c) {
        CompletableFuture<RunState> result = new CompletableFuture<>();
        submit(result, () -> applyControl(c, result));
        return result;
    }

    /**
     * Runs a command line on a node, as the API does: it starts now (in simulated time) whatever runs in the
     * foreground. With {@code runUntilExit} the simulation then runs flat out until the command ends or
     * {@link ScriptRunner#FOREGROUND_LIMIT} of simulated time has passed, and the future completes after that;
     * otherwise it completes as soon as the command has started.
     */
    public CompletableFuture<JobView> execute(String node, String line, boolean background, boolean runUntilExit) {
        CompletableFuture<JobView> result = new CompletableFuture<>();
        submit(result, () -> {
            requireNode(node);
            LogEntry.Execute x = new LogEntry.Execute(0, 0, node, line, background, nextJob++);
            x = (LogEntry.Execute) record(x);
            Job job = jobs.get(x.job());
            if (runUntilExit && job.exitCode == null) {
                Simulation sim = live.simulation();
                startRun(() -> job.exitCode != null, sim.now() + ScriptRunner.FOREGROUND_LIMIT, false,
                        mode == Mode.PLAYING ? Mode.PLAYING : Mode.PAUSED, null);
                job.waiters.add(result);
            } else {
                result.complete(job.view());
            }
        });
        return result;
    }

    /** A job's state and output. */
    public CompletableFuture<JobView> job(long job) {
        return call(() -> findJob(job).view());
    }

    /** Completes when the job ends (at once if it has). */
    public CompletableFuture<JobView> jobEnd(long job) {
        CompletableFuture<JobView> result = new CompletableFuture<>();
        submit(result, () -> {
            Job j = findJob(job);
            if (j.exitCode != null) result.complete(j.view());
            else j.waiters.add(result);
        });
        return result;
    }

    /** A line typed at a node's terminal (without its newline). */
    public CompletableFuture<Void> line(String node, String text) {
        return call(() -> {
            requireNode(node);
            record(new LogEntry.Line(0, 0, node, text));
            return null;
        });
    }

    /** Ctrl-C at a node's terminal. */
    public CompletableFuture<Void> interrupt(String node) {
        return call(() -> {
            requireNode(node);
            record(new LogEntry.Interrupt(0, 0, node));
            return null;
        });
    }

    /** Ctrl-D at a node's terminal. */
    public CompletableFuture<Void> endOfInput(String node) {
        return call(() -> {
            requireNode(node);
            record(new LogEntry.EndOfInput(0, 0, node));
            return null;
        });
    }

    /**
     * Keys typed at a node's terminal, as xterm sends them: the line is edited here ({@link LineDiscipline}) and
     * echoed to every watcher ({@link Echo}); Enter gives the node the line as {@link #line} does, Ctrl-C and Ctrl-D
     * as {@link #interrupt} and {@link #endOfInput} do (Ctrl-C with nothing running only drops the line, as a shell
     * does). Only those go into the command log; the keys themselves are no part of the lab's history.
     *
     * @param columns the terminal's width in columns, to draw lines that wrap; null keeps the last one given (80)
     */
    public CompletableFuture<Void> keys(String node, String keys, Integer columns) {
        return call(() -> {
            requireNode(node);
            if (!keystrokes.tryTake(scheduler.now())) {
                throw new TooManyInputsException("more than " + KEYS_PER_SECOND + " keys messages per second to one "
                        + "instance; slow down");
            }
            KeyboardTerminals.Terminal t = keyboards.open(node, live.scrollback(node));
            if (columns != null) {
                keyboards.echo(node, t, t.screen().resize(columns, promptOf(node), t.keys().line(), t.keys().cursor()),
                        promptOf(node));
            }
            for (LineDiscipline.Action a : t.keys().type(keys)) typed(node, t, a);
            return null;
        });
    }

    /** Does what a key asks of the node, erasing the typed line first where the node's shell will echo it. */
    private void typed(String node, KeyboardTerminals.Terminal t, LineDiscipline.Action action) {
        Shell shell = live.shell(node);
        switch (action) {
            case LineDiscipline.Submit s -> {
                boolean command = shell.foreground() == null;
                keyboards.echo(node, t, t.screen().erase(), promptOf(node)); // the shell echoes the line itself
                try {
                    record(new LogEntry.Line(0, 0, node, s.line()));
                } catch (TooManyInputsException e) {
                    t.keys().restore(s.line()); // to send again with Enter
                    throw e;
                }
                if (command) t.keys().remember(s.line());
            }
            case LineDiscipline.Interrupt i -> {
                if (!shell.running().isEmpty()) {
                    keyboards.echo(node, t, t.screen().erase(), promptOf(node)); // the shell echoes ^C
                    record(new LogEntry.Interrupt(0, 0, node));
                } else {
                    String prompt = promptOf(node);
                    keyboards.echo(node, t, t.screen().draw(prompt, i.line(), i.cursor()) + t.screen().cancel(), prompt);
                }
            }
            case LineDiscipline.EndOfInput e -> {
                if (shell.foreground() != null) record(new LogEntry.EndOfInput(0, 0, node));
            }
            case LineDiscipline.ClearScreen c -> keyboards.echo(node, t, t.screen().clear(), promptOf(node));
        }
    }

    /** The prompt a node's terminal shows before a typed line: the shell's, or none while a command reads it. */
    private String promptOf(String node) {
        Shell shell = live == null ? null : live.shell(node);
        return shell == null || shell.foreground() != null ? "" : shell.prompt();
    }

    /** At the end of each task: draws again the typed lines that the nodes' output or a command's end moved. */
    private void redrawTypedLines() {
        if (live != null && !closed) keyboards.refresh(this::promptOf);
    }

    /**
     * Sets link keys of the lab file on a running link: {@code bandwidth}, {@code delay}, {@code jitter},
     * {@code loss}, {@code mtu}, {@code queue}, {@code up}. A frame already on the wire keeps its timing.
     *
     * @return the link as it now is; fails with {@link LabException} or {@link NotFoundException}
     */
    public CompletableFuture<LinkView> setLink(String link, Map<String, Object> set) {
        return call(() -> {
            document.withLinkSet(link, set); // validate before anything is logged
            record(new LogEntry.SetLink(0, 0, link, Map.copyOf(set)));
            return live.linkView(document.lab().links().get(document.linkIndex(link)));
        });
    }

    /**
     * Adds a node written as in a lab file ({@code {id: pc3, kind: host, ip: 10.0.0.3/24}}); it starts without
     * cables.
     */
    public CompletableFuture<NodeView> addNode(Map<String, Object> node) {
        return call(() -> {
            validateNewNode(node);
            LogEntry.AddNode e = (LogEntry.AddNode) record(new LogEntry.AddNode(0, 0, LabDocument.copyMap(node)));
            return live.nodeView(document.lab().node((String) e.node().get("id")));
        });
    }

    /**
     * Changes a running node's addresses, interfaces (new ones added, ones left out of the list taken off), default
     * gateway, static routes, name servers, hosts lines, services or sysctls, written as in a lab file
     * ({@code {"ip": "10.0.0.9/24", "gateway": "10.0.0.254"}}, {@code {"dns": ["10.0.0.53"]}},
     * {@code {"services": [{"http": {"port": 8080}}]}}, {@code {"sysctl": {"net.ipv4.ip_default_ttl": 32}}});
     * {@code null} removes a gateway, the routes, the name servers, the hosts lines, the services or the node's own
     * sysctls. The services written become the node's: one no longer listed is stopped, a new or changed one starts.
     */
    public CompletableFuture<NodeView> setNode(String node, Map<String, Object> set) {
        return call(() -> {
            requireNode(node);
            LabDocument edited = document.withNodeSet(node, set); // validate before anything is logged
            // sysctl names and ranges, and a service's parameters, are known to the nodes only: build the edited lab
            // aside, as for a new node, so that a mistake is reported at its path as a lab file's would be
            if (set.containsKey("sysctl") || set.containsKey("services")) LabBuilder.build(fileName, edited.lab(), seed, List.of());
            record(new LogEntry.SetNode(0, 0, node, LabDocument.copyMap(nullable(set))));
            return live.nodeView(document.lab().node(node));
        });
    }

    /** A copy that keeps null values (a map from JSON may hold them; {@code Map.copyOf} refuses them). */
    private static Map<String, Object> nullable(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }

    /** Takes a node out: its programs are interrupted, its cables pulled out and removed from the lab file. */
    public CompletableFuture<Void> removeNode(String node) {
        return call(() -> {
            requireNode(node);
            record(new LogEntry.RemoveNode(0, 0, node));
            return null;
        });
    }

    /**
     * Plugs in a cable written as in a lab file ({@code {a: pc3, b: sw1, delay: 1ms}}). A bare switch or hub end
     * gets the lowest free port.
     */
    public CompletableFuture<LinkView> addLink(Map<String, Object> link) {
        return call(() -> {
            Map<String, Object> written = withPorts(link);
            LabDocument edited = document.withLink(written);
            checkSize(edited, settings);
            LinkSpec spec = edited.lab().links().getLast();
            record(new LogEntry.AddLink(0, 0, written));
            return live.linkView(spec);
        });
    }

    /** Pulls a cable out and takes it away. */
    public CompletableFuture<Void> removeLink(String link) {
        return call(() -> {
            document.withoutLink(link);
            record(new LogEntry.RemoveLink(0, 0, link));
            return null;
        });
    }

    /** The lab file as it stands after every edit. */
    public CompletableFuture<String> labFile() {
        return call(() -> document.toYaml());
    }

    /** The TCP sockets of a node with their variables. */
    public CompletableFuture<List<SocketView>> sockets(String node) {
        return call(() -> {
            requireNode(node);
            return live.sockets(node);
        });
    }

    /** Every socket's state changes and TCP variables since the instance started; {@code node} null for all. */
    public CompletableFuture<SocketHistoryView> socketHistory(String node) {
        return call(() -> {
            if (node != null) requireNode(node);
            return live.socketHistory(node);
        });
    }

    /** One page of the packet list. */
    public CompletableFuture<PacketPage> packets(PacketQuery query, int page, int size) {
        return call(() -> {
            if (query.node() != null) requireNode(query.node());
            if (query.link() != null) document.linkIndex(query.link());
            return live.packets(query, page, size);
        });
    }

    /** One packet taken apart, with its bytes. */
    public CompletableFuture<PacketDetail> packet(long number) {
        return call(() -> live.packet(number));
    }

    /**
     * The frames a capture would hold: everything put on any link (both null), what one node sent and received, or
     * what crossed one link.
     */
    public CompletableFuture<List<CapturedFrame>> capture(String node, String link) {
        return call(() -> {
            if (node != null) requireNode(node);
            else if (link != null) document.linkIndex(link);
            return live.capture(node, link);
        });
    }

    /**
     * Starts sending events to {@code observer}; the future holds the snapshot they follow on from (nothing that
     * happened before it is sent, nothing after it is missed).
     */
    public CompletableFuture<Snapshot> attach(SessionObserver observer) {
        return call(() -> {
            observers.add(observer);
            watchers = observers.size();
            if (observers.size() == 1) live.watchTcpVariables(true);
            Snapshot s = buildSnapshot();
            observer.attached(s);
            return s;
        });
    }

    /**
     * Hands a fresh snapshot to {@code sink} on the instance's thread, so that whatever {@code sink} queues comes
     * after every event before the snapshot and before every event after it.
     */
    public CompletableFuture<Void> snapshotTo(java.util.function.Consumer<Snapshot> sink) {
        return call(() -> {
            sink.accept(buildSnapshot());
            return null;
        });
    }

    public CompletableFuture<Void> detach(SessionObserver observer) {
        return callWithoutRebuild(() -> {
            observers.remove(observer);
            watchers = observers.size();
            if (observers.isEmpty() && live != null) live.watchTcpVariables(false);
            return null;
        });
    }

    /**
     * Calls {@code hook} with the lab and each build of this instance's simulation before anything has run on it, on
     * the instance's thread: the current build now, and every rebuild (after eviction, going back in time) as it is
     * made. What the hook attaches to the build (a classroom's {@code CheckEvaluator}) so sees the whole run, replay
     * included, and follows the instance wherever it is rebuilt.
     *
     * @return fails with {@link IllegalStateException} when the current build has already run: hooks go on an
     *         instance just created, or one restored and not used yet
     */
    public CompletableFuture<Void> onEachBuild(BiConsumer<Lab, LabInstance> hook) {
        return callWithoutRebuild(() -> {
            if (live != null && live.simulation().eventsExecuted() > 0) {
                throw new IllegalStateException("instance " + id + " has already run; a build hook would miss it");
            }
            buildHooks.add(hook);
            if (live != null) hook.accept(document.lab(), live.instance());
            return null;
        });
    }

    /** Everything that describes this instance, to rebuild it by replay. */
    public CompletableFuture<LabRecord> record() {
        return callWithoutRebuild(() -> {
            catchUp();
            long[] p = position();
            return new LabRecord(fileName, labFile, seed, log, p[0], p[1]);
        });
    }

    /**
     * Frees the simulation and keeps only the record; the next use rebuilds it by replay. An instance someone
     * watches is not evicted. Completes with whether it was.
     */
    public CompletableFuture<Boolean> evict() {
        return callWithoutRebuild(() -> {
            if (live == null || !observers.isEmpty()) return false;
            catchUp();
            long[] p = position();
            restoreTime = p[0];
            restoreEvents = p[1];
            stopTicking();
            if (mode == Mode.RUNNING) finishRun(); // a run in progress ends where it stands
            mode = Mode.PAUSED;
            throttled = false;
            live = null;
            return true;
        });
    }

    /** Whether the simulation is in memory (false after {@link #evict()} until the next use). */
    public CompletableFuture<Boolean> resident() {
        return callWithoutRebuild(() -> live != null);
    }

    /** Stops the instance for good: its timers end and every later call fails. */
    public CompletableFuture<Void> close() {
        return callWithoutRebuild(() -> {
            stopTicking();
            closed = true;
            live = null;
            for (Job j : jobs.values()) for (CompletableFuture<JobView> w : j.waiters) w.cancel(false);
            return null;
        });
    }

    // ==== mailbox plumbing ============================================================================================

    private interface Task<T> {
        T run();
    }

    private <T> CompletableFuture<T> call(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(result, () -> {
            T value = task.run();
            redrawTypedLines(); // before the caller hears it is done, so its echo is queued already
            result.complete(value);
        });
        return result;
    }

    /**
     * Runs {@code body} in the mailbox after bringing the simulation back if it was evicted and up to the wall clock
     * if it plays; a failure completes {@code result} exceptionally. The body completes {@code result} itself, at
     * once or later (a run until a command exits).
     */
    private void submit(CompletableFuture<?> result, Runnable body) {
        lastUsed = scheduler.now();
        mailbox.execute(() -> {
            try {
                if (closed) throw new NotFoundException("instance", id, " (it was deleted)");
                if (live == null) rebuildTo(restoreTime, restoreEvents);
                catchUp();
                body.run();
                reschedule();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                redrawTypedLines();
                countEvents();
            }
        });
    }

    private <T> CompletableFuture<T> callWithoutRebuild(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        mailbox.execute(() -> {
            try {
                result.complete(task.run());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    // ==== running ====================================================================================================

    private void applyControl(Control c, CompletableFuture<RunState> result) {
        switch (c.action()) {
            case PAUSE -> {
                if (mode == Mode.RUNNING) finishRun();
                mode = Mode.PAUSED;
                behind = false;
                throttled = false;
                result.complete(announce());
            }
            case PLAY -> {
                if (c.speed() != null) speed = c.speed();
                if (c.skipIdle() != null) skipIdle = c.skipIdle();
                if (mode == Mode.RUNNING) finishRun();
                mode = Mode.PLAYING;
                behind = false;
                anchor();
                tick(++ticks);
                result.complete(announce());
            }
            case STEP -> {
                if (mode == Mode.RUNNING) finishRun();
                mode = Mode.PAUSED;
                throttled = false;
                stepOnce();
                result.complete(announce());
            }
            case STEP_FRAME -> {
                if (mode == Mode.RUNNING) finishRun();
                mode = Mode.PAUSED;
                throttled = false;
                Trace trace = live.trace();
                long frames = trace.count(Trace.Kind.FRAME_SENT);
                Simulation sim = live.simulation();
                Slice slice = slice();
                long limit = Math.min(sim.eventsExecuted() + STEP_FRAME_LIMIT, slice.events());
                while (trace.count(Trace.Kind.FRAME_SENT) == frames && sim.eventsExecuted() < limit && stepOnce()) { }
                endSlice(slice);
                result.complete(announce());
            }
            case RUN_UNTIL_IDLE -> {
                Simulation sim = live.simulation();
                startRun(() -> false, sim.now() + RUN_HORIZON, false, Mode.PAUSED, result);
            }
            case ADVANCE -> {
                long d = c.time() == null ? 0 : c.time();
                if (d < 0) throw new IllegalArgumentException("time: must not be negative");
                Simulation sim = live.simulation();
                startRun(() -> false, sim.now() + d, true, mode == Mode.PLAYING ? Mode.PLAYING : Mode.PAUSED, result);
            }
            case SEEK -> {
                long t = c.time() == null ? 0 : c.time();
                if (t < 0) throw new IllegalArgumentException("time: must not be negative");
                if (mode == Mode.RUNNING) finishRun();
                boolean wasPlaying = mode == Mode.PLAYING;
                if (t >= live.simulation().now()) {
                    // ahead: no need to rebuild; run there as ADVANCE does, within the instance's events per second
                    startRun(() -> false, t, true, wasPlaying ? Mode.PLAYING : Mode.PAUSED, result);
                    return;
                }
                seek(t);
                mode = wasPlaying ? Mode.PLAYING : Mode.PAUSED;
                throttled = false;
                anchor();
                Snapshot s = buildSnapshot();
                for (SessionObserver o : observers) o.reset(s);
                result.complete(announce());
            }
        }
    }

    /** Anchors the simulated clock to the wall clock: from now on simulated time advances at {@link #speed}. */
    private void anchor() {
        anchorWall = scheduler.now();
        anchorSim = live.simulation().now();
    }

    /** Where simulated time should be now, while playing. */
    private long target() {
        double elapsed = (scheduler.now() - anchorWall) * speed;
        return anchorSim + (long) Math.min(elapsed, (double) (Long.MAX_VALUE / 4));
    }

    /** While playing, brings the simulation up to the wall clock, so that what a user does lands at "now". */
    private void catchUp() {
        if (mode != Mode.PLAYING || live == null) return;
        Slice slice = slice();
        advance(target(), slice);
        endSlice(slice);
    }

    /**
     * How far one mailbox task may simulate: from {@code start} until a wall-clock {@code deadline}, and until the
     * simulation has run {@code events} events in all (what the instance's events bucket holds now).
     * {@code shortOfTime} is true when the deadline is nearer than {@link #SLICE} because the processor bucket holds
     * less.
     */
    private record Slice(long start, long deadline, long events, boolean shortOfTime) {
        /** For replays, which must reach their point: their events were paid for when they first ran. */
        static final Slice UNBOUNDED = new Slice(0, Long.MAX_VALUE, Long.MAX_VALUE, false);
    }

    /**
     * A slice from now, with the events the bucket holds (events run so far paid first), taken from it now (the
     * bucket refills meanwhile as if they were already run), and at most {@link #SLICE} or what the processor bucket
     * holds of time. Each slice ends with {@link #endSlice}.
     */
    private Slice slice() {
        countEvents();
        long now = scheduler.now();
        long allowed = events.available(now);
        events.spend(allowed, now);
        paidEvents += allowed;
        long time = Math.min(SLICE, processor.available(now));
        return new Slice(now, now + time, paidEvents, time < SLICE);
    }

    /** Takes the time a slice took from the processor bucket. */
    private void endSlice(Slice slice) {
        long now = scheduler.now();
        processor.spend(now - slice.start(), now);
    }

    /**
     * What a slice that stopped short of its target ran out of: {@link Throttling#EVENTS}, {@link
     * Throttling#PROCESSOR}, or null when it only reached the end of a {@link #SLICE} (the simulation cannot keep up
     * with the speed on this machine, which is no limit of the instance's).
     */
    private String spent(Slice slice) {
        if (live.simulation().eventsExecuted() >= slice.events()) return Throttling.EVENTS;
        if (slice.shortOfTime() && scheduler.now() >= slice.deadline()) return Throttling.PROCESSOR;
        return null;
    }

    /**
     * The instance ran out of events or processor time for this second: from now on its clock goes as fast as they
     * allow. The watchers are told once, when it starts, why and what the lab may have done to cause it.
     */
    private void throttle(String resource) {
        if (throttled) {
            live.clearMacMoves();
            return;
        }
        throttled = true;
        Throttling t = live.throttling(resource, resource.equals(Throttling.EVENTS) ? settings.eventsPerSecond()
                : settings.processorPerSecond() / 1_000_000);
        for (SessionObserver o : observers) o.throttled(t);
    }

    /**
     * One timer wake-up while playing. A tick that is not the latest one arranged does nothing: the timer may have
     * posted it just before a request arranged another, and two ticks close together would each see the clock as
     * barely moved.
     */
    private void tick(long tick) {
        if (tick != ticks) return;
        wake = null;
        if (closed || live == null || mode != Mode.PLAYING) return;
        Slice slice = slice();
        long target = target();
        boolean reached = advance(target, slice);
        boolean jumped = false;
        while (reached && skipIdle && !live.inFlight()) {
            long next = nextPointTime();
            if (next == Long.MAX_VALUE) break;
            // quiet until then: move the clock's anchor so that "now" is the next thing that happens
            anchorSim += next - target;
            target = next;
            jumped = true;
            reached = advance(target, slice);
        }
        if (!reached) {
            // more to do than the speed or the events per second allow: slow the clock to what was done rather than
            // fall ever further back
            behind = true;
            String spent = spent(slice);
            if (spent != null) throttle(spent);
            anchor();
            announce();
        } else if (throttled) {
            throttled = false;
            announce();
        } else if (jumped) {
            announce();
        }
        endSlice(slice);
        reschedule();
        redrawTypedLines();
        countEvents();
    }

    /**
     * Adds the events run since the last count to the server-wide total (a metric), takes from the bucket those it
     * was not charged for (a step, a replay) and gives back what a slice took and did not run.
     */
    private void countEvents() {
        if (live == null) return;
        scheduler.countEvents(live.uncountedEvents());
        long executed = live.simulation().eventsExecuted();
        long now = scheduler.now();
        if (executed > paidEvents) events.spend(executed - paidEvents, now);
        else if (executed < paidEvents) events.refund(paidEvents - executed, now);
        paidEvents = executed;
    }

    /** Arranges the next tick, or none when nothing is scheduled (the clock still runs: a client extrapolates). */
    private void reschedule() {
        if (live == null || closed) return;
        if (mode == Mode.RUNNING) return; // a run posts its own next slice
        if (mode != Mode.PLAYING) {
            stopTicking();
            return;
        }
        long next = nextPointTime();
        if (next == Long.MAX_VALUE) {
            stopTicking();
            return;
        }
        long simWait = next - target();
        long wallWait = simWait <= 0 ? 0 : (long) Math.min(simWait / speed, 3_600e9);
        if (behind && wallWait < TICK) wallWait = TICK;
        wallWait = Math.max(wallWait, TICK);
        if (wake != null) wake.cancel(false);
        long tick = ++ticks;
        wake = scheduler.wake(mailbox, wallWait, () -> tick(tick));
    }

    private void stopTicking() {
        if (wake != null) wake.cancel(false);
        wake = null;
        ticks++; // one already posted does nothing
    }

    /** The simulated time of the next event or recorded entry, whichever comes first. */
    private long nextPointTime() {
        long next = live.simulation().nextEventTime();
        if (applied < log.size()) next = Math.min(next, Math.max(log.get(applied).time(), live.simulation().now()));
        return next;
    }

    /**
     * Runs the simulation up to {@code target}, applying recorded entries at their points. Returns false when the
     * slice's wall-clock deadline or events came first.
     */
    private boolean advance(long target, Slice slice) {
        Simulation sim = live.simulation();
        int checks = 0;
        while (true) {
            LogEntry next = applied < log.size() ? log.get(applied) : null;
            if (next != null && next.time() <= target) {
                if (!runToPoint(next, slice)) return false;
                apply(next);
                applied++;
                continue;
            }
            while (sim.nextEventTime() <= target) {
                if (sim.eventsExecuted() >= slice.events()) return false;
                if ((checks++ & 255) == 0 && scheduler.now() > slice.deadline()) return false;
                sim.step();
            }
            if (target > sim.now()) sim.runUntil(target);
            return true;
        }
    }

    /** Runs events up to the point where {@code e} was applied. */
    private boolean runToPoint(LogEntry e, Slice slice) {
        Simulation sim = live.simulation();
        int checks = 0;
        while (sim.eventsExecuted() < e.events()) {
            if (sim.eventsExecuted() >= slice.events()) return false;
            if ((checks++ & 255) == 0 && scheduler.now() > slice.deadline()) return false;
            if (!sim.step()) throw diverged(e);
        }
        if (e.time() > sim.now()) sim.runUntil(e.time());
        if (sim.eventsExecuted() != e.events() || sim.now() != e.time()) throw diverged(e);
        return true;
    }

    private IllegalStateException diverged(LogEntry e) {
        Simulation sim = live.simulation();
        return new IllegalStateException("replay of instance " + id + " diverged at " + e + ": simulation at "
                + sim.now() + " ns after " + sim.eventsExecuted() + " events");
    }

    /** One event, after applying any recorded entry due at this very point. Returns false when nothing is left. */
    private boolean stepOnce() {
        Simulation sim = live.simulation();
        while (applied < log.size() && log.get(applied).events() == sim.eventsExecuted()) {
            LogEntry e = log.get(applied);
            if (e.time() > sim.now()) {
                if (sim.nextEventTime() <= e.time()) break; // events still come first (cannot happen in a consistent log)
                sim.runUntil(e.time());
            }
            apply(e);
            applied++;
        }
        return sim.step();
    }

    /** Runs flat out, one slice per mailbox turn, until {@code done}, nothing is left, or {@code horizon}. */
    private void startRun(BooleanSupplier done, long horizon, boolean toHorizon, Mode after,
                          CompletableFuture<RunState> waiter) {
        if (mode == Mode.RUNNING) finishRun();
        afterRun = after;
        runToHorizon = toHorizon;
        mode = Mode.RUNNING;
        runDone = done;
        runHorizon = horizon;
        behind = false;
        stopTicking();
        if (waiter != null) runWaiters.add(waiter);
        announce();
        long run = ++runs;
        mailbox.execute(() -> runSlice(run));
    }

    /**
     * One slice of a run. When the instance's events or processor time for this second are spent, the next slice
     * waits a tick on the timer rather than following at once: the run goes on at the rate they allow.
     */
    private void runSlice(long run) {
        if (closed || live == null || mode != Mode.RUNNING || run != runs) return;
        wake = null;
        Simulation sim = live.simulation();
        Slice slice = slice();
        int checks = 0;
        boolean finished = false;
        String spent = null;
        while (true) {
            if (runDone.getAsBoolean()) {
                finished = true;
                break;
            }
            long next = nextPointTime();
            if (next == Long.MAX_VALUE || next > runHorizon) {
                if (runToHorizon && runHorizon > sim.now()) sim.runUntil(runHorizon); // quiet time passes too
                finished = true;
                break;
            }
            if (sim.eventsExecuted() >= slice.events()) {
                spent = Throttling.EVENTS;
                break;
            }
            if ((checks++ & 255) == 0 && scheduler.now() > slice.deadline()) {
                spent = spent(slice);
                break;
            }
            stepOnce();
        }
        endSlice(slice);
        if (finished) {
            throttled = false;
            finishRun();
            reschedule();
        } else if (spent != null) {
            throttle(spent);
            announce();
            wake = scheduler.wake(mailbox, TICK, () -> runSlice(run));
        } else {
            if (throttled) throttled = false;
            announce();
            mailbox.execute(() -> runSlice(run));
        }
        redrawTypedLines();
        countEvents();
    }

    private void finishRun() {
        mode = afterRun;
        runDone = null;
        anchor();
        RunState s = announce();
        for (CompletableFuture<RunState> w : runWaiters) w.complete(s);
        runWaiters.clear();
        // commands run "until exit" report where the run ended, exited or not
        for (Job j : jobs.values()) {
            if (j.exitCode == null && !j.waiters.isEmpty()) {
                for (CompletableFuture<JobView> w : j.waiters) w.complete(j.view());
                j.waiters.clear();
            }
        }
    }

    private RunState state() {
        Simulation sim = live.simulation();
        return new RunState(mode, speed, skipIdle, sim.now(), sim.eventsExecuted(), sim.pendingEvents(),
                log.size() - applied, behind, throttled);
    }

    /** Tells every watcher the run state, and returns it. */
    private RunState announce() {
        RunState s = state();
        for (SessionObserver o : observers) o.runState(s);
        return s;
    }

    /** Simulated time and events the instance stands at (valid also while evicted). */
    private long[] position() {
        if (live == null) return new long[] {restoreTime, restoreEvents};
        Simulation sim = live.simulation();
        return new long[] {sim.now(), sim.eventsExecuted()};
    }

    // ==== the log ===================================================================================================

    /**
     * Stamps a user's action with the current point, discards any recording still ahead (the user has taken over:
     * a new branch of history), logs and applies it.
     */
    private LogEntry record(LogEntry e) {
        spendInput();
        Simulation sim = live.simulation();
        long t = sim.now();
        long n = sim.eventsExecuted();
        LogEntry stamped = switch (e) {
            case LogEntry.Line l -> new LogEntry.Line(t, n, l.node(), l.text());
            case LogEntry.Execute x -> new LogEntry.Execute(t, n, x.node(), x.line(), x.background(), x.job());
            case LogEntry.Interrupt i -> new LogEntry.Interrupt(t, n, i.node());
            case LogEntry.EndOfInput i -> new LogEntry.EndOfInput(t, n, i.node());
            case LogEntry.SetLink s -> new LogEntry.SetLink(t, n, s.link(), s.set());
            case LogEntry.AddNode a -> new LogEntry.AddNode(t, n, a.node());
            case LogEntry.RemoveNode r -> new LogEntry.RemoveNode(t, n, r.node());
            case LogEntry.AddLink a -> new LogEntry.AddLink(t, n, a.link());
            case LogEntry.RemoveLink r -> new LogEntry.RemoveLink(t, n, r.link());
            case LogEntry.SetNode x -> new LogEntry.SetNode(t, n, x.node(), x.set());
        };
        if (applied < log.size()) {
            log.subList(applied, log.size()).clear();
            announce();
        }
        log.add(stamped);
        apply(stamped);
        applied++;
        return stamped;
    }

    /** Does what an entry says, the same way live and in replay. */
    private void apply(LogEntry e) {
        switch (e) {
            case LogEntry.Line l -> {
                Shell shell = live.shell(l.node());
                if (shell.foreground() != null) shell.input(l.text() + "\n");
                else shell.execute(l.text(), code -> { });
            }
            case LogEntry.Execute x -> startJob(x);
            case LogEntry.Interrupt i -> live.shell(i.node()).interrupt();
            case LogEntry.EndOfInput i -> live.shell(i.node()).endOfInput();
            case LogEntry.SetLink s -> {
                document = document.withLinkSet(s.link(), s.set());
                live.setLink(document.lab().links().get(document.linkIndex(s.link())));
                topologyChanged();
            }
            case LogEntry.AddNode a -> {
                document = document.withNode(a.node());
                live.addNode(document.lab(), document.lab().node((String) a.node().get("id")));
                topologyChanged();
            }
            case LogEntry.RemoveNode r -> {
                document = document.withoutNode(r.node());
                live.removeNode(r.node());
                keyboards.remove(r.node());
                topologyChanged();
            }
            case LogEntry.SetNode x -> {
                NodeSpec before = document.lab().node(x.node());
                document = document.withNodeSet(x.node(), x.set());
                NodeSpec after = document.lab().node(x.node());
                live.reconfigure(document.lab(), before, after);
                if (!before.services().equals(after.services())) replaceServices(after);
                topologyChanged();
            }
            case LogEntry.AddLink a -> {
                document = document.withLink(a.link());
                live.addLink(document.lab().links().getLast());
                topologyChanged();
            }
            case LogEntry.RemoveLink r -> {
                document = document.withoutLink(r.link());
                live.removeLink(r.link());
                topologyChanged();
            }
        }
    }

    /**
     * Makes a node run the services its edited spec lists. The parameters were checked on a scratch build before the
     * edit was logged; what only the running node can refuse (a port a program typed at its shell already holds) is
     * printed on its terminal, as a daemon that cannot bind says so and exits.
     */
    private void replaceServices(NodeSpec spec) {
        if (!(live.instance().network().node(spec.id()) instanceof Host host)) return;
        String path = "nodes[" + document.lab().nodes().indexOf(spec) + "].services";
        for (String problem : ServiceCatalog.replace(host, spec.services(), path)) {
            host.network().trace().emit(new TraceEvent.TerminalOutput(live.simulation().now(), host.name(), problem + "\n"));
        }
    }

    /**
     * The link as it will be logged: a bare end on a switch or hub becomes {@code node:pN} with the lowest port the
     * lab file does not use, so that replay plugs into the same port whatever the parser's rule for bare ends.
     */
    private Map<String, Object> withPorts(Map<String, Object> link) {
        Map<String, Object> written = LabDocument.copyMap(link);
        for (String end : List.of("a", "b")) {
            if (!(written.get(end) instanceof String e) || e.contains(":")) continue;
            NodeSpec spec = document.lab().node(e);
            if (spec == null || spec.kind().speaksIp()) continue;
            Set<String> taken = new HashSet<>();
            for (NodeSpec.InterfaceSpec i : spec.interfaces()) taken.add(i.name());
            int n = 1;
            while (taken.contains("p" + n)) n++;
            written.put(end, e + ":p" + n);
        }
        return written;
    }

    private void topologyChanged() {
        if (observers.isEmpty()) return;
        Snapshot s = buildSnapshot();
        for (SessionObserver o : observers) o.reset(s);
    }

    /** Goes back (or forward) to simulated time {@code t}: rebuild, replay to t, keep the rest as a recording. */
    private void seek(long t) {
        keyboards.rebuilding();
        live = build();
        applied = 0;
        jobs.clear();
        advance(t, Slice.UNBOUNDED);
        keyboards.rebuilt(live::scrollback, this::promptOf);
    }

    /** Rebuilds an evicted instance to the point it stood at. */
    private void rebuildTo(long time, long events) {
        keyboards.rebuilding();
        try {
            replayTo(time, events);
        } finally {
            if (live != null) keyboards.rebuilt(live::scrollback, this::promptOf);
        }
    }

    private void replayTo(long time, long events) {
        int target = applied;
        live = build();
        applied = 0;
        jobs.clear();
        Simulation sim = live.simulation();
        while (applied < target) {
            LogEntry e = log.get(applied);
            runToPoint(e, Slice.UNBOUNDED);
            apply(e);
            applied++;
        }
        if (events < 0) { // a record that knows only the time: everything due by then has happened
            advance(time, Slice.UNBOUNDED);
            return;
        }
        while (sim.eventsExecuted() < events) {
            if (!sim.step()) break;
        }
        if (time > sim.now()) sim.runUntil(time);
        if (sim.eventsExecuted() != events || sim.now() != time) {
            throw new IllegalStateException("instance " + id + " could not be rebuilt to " + time + " ns after "
                    + events + " events: replay reached " + sim.now() + " ns after " + sim.eventsExecuted());
        }
    }

    // ==== building the live simulation ===============================================================================

    /** A new simulation of the lab file as it was loaded, at time zero; edits come back by replaying the log. */
    private LiveSimulation build() {
        countEvents(); // the build being replaced gives back what it was charged for and did not run
        document = LabDocument.read(fileName, labFile);
        paidEvents = 0;
        LiveSimulation built = LiveSimulation.build(fileName, document.lab(), seed, extraListeners.get(),
                settings.captureBytes(), observers, this::terminalOutput);
        for (BiConsumer<Lab, LabInstance> hook : buildHooks) hook.accept(document.lab(), built.instance());
        return built;
    }

    /** What a node printed: the output of the jobs running on it (their echoed command line aside). */
    private void terminalOutput(TraceEvent.TerminalOutput t) {
        keyboards.printed(t.node(), t.text(), promptOf(t.node()));
        for (Job j : jobs.values()) {
            if (j.exitCode != null || !j.node.equals(t.node())) continue;
            if (j.echo != null && t.text().equals(j.echo)) {
                j.echo = null;
                continue;
            }
            if (j.output.length() < JOB_OUTPUT) j.output.append(t.text(), 0, Math.min(t.text().length(), JOB_OUTPUT - j.output.length()));
        }
    }

    /**
     * Checks a node to add as the lab file it would make, then by building that lab on a scratch simulation (which
     * starts its services and sets its sysctls), so that nothing reaches the running one unless it is right. The
     * name of a node removed while the instance runs is free again.
     */
    private void validateNewNode(Map<String, Object> node) {
        LabDocument edited = document.withNode(node);
        checkSize(edited, settings);
        LabBuilder.build(fileName, edited.lab(), seed, List.of());
    }

    // ==== jobs =======================================================================================================

    /** A command line run through the API. */
    private final class Job {
        final long id;
        final String node;
        final String line;
        final long started;
        final StringBuilder output = new StringBuilder();
        final List<CompletableFuture<JobView>> waiters = new ArrayList<>();
        String echo;
        Integer exitCode;
        Long ended;

        Job(long id, String node, String line, long started) {
            this.id = id;
            this.node = node;
            this.line = line;
            this.started = started;
        }

        JobView view() {
            return new JobView(id, node, line, exitCode == null, exitCode, started, ended, output.toString());
        }
    }

    private void startJob(LogEntry.Execute x) {
        nextJob = Math.max(nextJob, x.job() + 1);
        Job job = new Job(x.job(), x.node(), x.line(), x.time());
        Shell shell = live.shell(x.node());
        job.echo = shell.prompt() + x.line() + "\n";
        jobs.put(job.id, job);
        if (jobs.size() > JOBS) {
            jobs.values().stream().filter(j -> j.exitCode != null).findFirst().ifPresent(j -> jobs.remove(j.id));
        }
        shell.execute(x.line(), x.background(), code -> {
            job.exitCode = code;
            job.ended = live.simulation().now();
            JobView v = job.view();
            for (CompletableFuture<JobView> w : job.waiters) w.complete(v);
            job.waiters.clear();
            for (SessionObserver o : observers) o.jobEnded(v);
        });
    }

    private Job findJob(long id) {
        Job j = jobs.get(id);
        if (j == null) throw new NotFoundException("job", Long.toString(id));
        return j;
    }

    // ==== views ======================================================================================================

    private void requireNode(String node) {
        if (node == null || document.lab().node(node) == null) {
            throw new NotFoundException("node", String.valueOf(node), " (known: "
                    + String.join(", ", document.lab().nodes().stream().map(NodeSpec::id).toList()) + ")");
        }
    }

    private Snapshot buildSnapshot() {
        return live.snapshot(id, state(), document.lab(), keyboards.editing(this::promptOf));
    }
}
