package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a lab's step checks on a running instance of it, live: it listens to the instance's trace, and after each
 * event that changes a verdict it tells its {@link CheckListener} which step now passes or fails, and why. The
 * server pushes that to the browser; the headless {@code packetlab check} reads {@link #finish()} at the end.
 *
 * <p>A verdict is always on the trace so far. Most checks, once passed, stay passed (the behaviour happened); a
 * check with {@code not} or {@code at-most} can fail again later, and the listener hears that too.
 *
 * <p>It listens only to the kinds of event its checks need, so a lab whose checks look only at terminal output
 * does not pay for frame records. Like everything about a running lab, it is used on the simulation's thread: the
 * listener is called there, and {@link #results()} and {@link #finish()} are to be called there too. A lab rebuilt
 * by replaying its commands gets a new evaluator, which reaches the same verdicts at the same events.
 */
public final class CheckEvaluator implements TraceListener {
    private final LabInstance instance;
    private final Addresses addresses;
    private final CheckListener listener;
    private final Map<Integer, Watch> steps = new LinkedHashMap<>();
    private final Map<Integer, Check> checks = new LinkedHashMap<>();
    private final List<Occurrences> leaves = new ArrayList<>();
    private final TcpAnalysis tcp;
    private final Terminals terminals = new Terminals();
    private long events;
    private boolean finished;

    private CheckEvaluator(Lab lab, LabInstance instance, CheckListener listener) {
        this.instance = instance;
        this.addresses = new Addresses(lab.nodes());
        this.listener = listener;
        for (int i = 0; i < lab.steps().size(); i++) {
            Check c = lab.steps().get(i).check();
            if (c == null) continue;
            checks.put(i, c);
            steps.put(i, Watches.of(c, addresses, instance.network(), leaves));
        }
        boolean analysed = leaves.stream().anyMatch(l -> l instanceof TcpEventWatch);
        this.tcp = analysed ? new TcpAnalysis() : null;
        long now = instance.simulation().now();
        for (Watch w : steps.values()) w.refresh(0, now);
    }

    /**
     * Starts judging {@code lab}'s checks on {@code instance}, built from it and not yet run: from now on every
     * trace event the checks need is looked at.
     *
     * @param listener told of every change of a step's verdict; {@code (step, passed, why, whyKo) -> {}} for none
     */
    public static CheckEvaluator attach(Lab lab, LabInstance instance, CheckListener listener) {
        CheckEvaluator e = new CheckEvaluator(lab, instance, listener);
        Set<Trace.Kind> kinds = EnumSet.noneOf(Trace.Kind.class);
        for (Check c : e.checks.values()) kinds(c, kinds);
        if (!kinds.isEmpty()) instance.network().trace().subscribe(e, kinds.toArray(Trace.Kind[]::new));
        return e;
    }

    /** Whether the lab has any step with a check. */
    public boolean hasChecks() { return !steps.isEmpty(); }

    /** The verdict of every step that has a check, on the run so far, in step order. */
    public List<StepResult> results() {
        List<StepResult> results = new ArrayList<>();
        steps.forEach((i, w) -> results.add(new StepResult(i, checks.get(i), w.passed(), w.why(),
                w.why(Language.KO), w.passedAt())));
        return results;
    }

    /**
     * Ends the judging: output left without a final newline is judged as a line, the evaluator stops listening,
     * and the verdicts on the whole run are returned. Later calls return the same.
     */
    public List<StepResult> finish() {
        if (!finished) {
            finished = true;
            List<Terminals.Line> rest = terminals.flush();
            if (!rest.isEmpty()) {
                TraceEvent end = new TraceEvent.TerminalOutput(instance.simulation().now(), "", "");
                judge(new Observation(++events, end, null, 0, rest));
            }
            instance.network().trace().unsubscribe(this);
        }
        return results();
    }

    /** Whether every step with a check passes (and there is one). */
    public boolean allPassed() {
        return hasChecks() && steps.values().stream().allMatch(Watch::passed);
    }

    @Override
    public void on(TraceEvent event) {
        if (finished) return;
        DecodedFrame frame = switch (event) {
            case TraceEvent.FrameSent s -> DecodedFrame.ethernet(s.frame());
            case TraceEvent.FrameReceived r -> DecodedFrame.ethernet(r.frame());
            case TraceEvent.FrameDropped d -> d.ethernet() ? DecodedFrame.ethernet(d.bytes())
                    : DecodedFrame.ipv4(d.bytes());
            default -> null;
        };
        int kinds = 0;
        if (tcp != null && frame != null && frame.tcp) {
            if (event instanceof TraceEvent.FrameSent && addresses.origin(event.node(), frame)) kinds = tcp.sent(frame);
            if (event instanceof TraceEvent.FrameReceived && addresses.destination(event.node(), frame)) {
                tcp.received(frame);
            }
        }
        List<Terminals.Line> lines = event instanceof TraceEvent.TerminalOutput t ? terminals.on(t) : List.of();
        judge(new Observation(++events, event, frame, kinds, lines));
    }

    private void judge(Observation o) {
        boolean changed = false;
        for (Occurrences leaf : leaves) changed |= leaf.observe(o);
        if (!changed) return;
        for (Map.Entry<Integer, Watch> step : steps.entrySet()) {
            Watch w = step.getValue();
            if (w.refresh(o.number(), o.time())) {
                listener.stepChanged(step.getKey(), w.passed(), w.why(), w.why(Language.KO));
            }
        }
    }

    /** The kinds of trace event a check needs. */
    private static void kinds(Check check, Set<Trace.Kind> kinds) {
        switch (check) {
            case Check.Frame c -> kinds.addAll(List.of(Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED));
            case Check.Drop c -> kinds.add(Trace.Kind.FRAME_DROPPED);
            case Check.TcpHandshake c -> kinds.addAll(List.of(Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED));
            case Check.TcpClose c -> kinds.addAll(List.of(Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED));
            case Check.TcpEvent c -> kinds.addAll(List.of(Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED));
            case Check.SocketState c -> kinds.add(Trace.Kind.SOCKET_STATE);
            case Check.TcpVariable c -> kinds.addAll(List.of(Trace.Kind.SOCKET_STATE, Trace.Kind.TCP_VARIABLES));
            case Check.ArpEntry c -> kinds.add(Trace.Kind.ARP_CACHE);
            case Check.MacEntry c -> kinds.add(Trace.Kind.MAC_TABLE);
            case Check.Output c -> kinds.add(Trace.Kind.TERMINAL);
            case Check.Count c -> kinds(c.counted(), kinds);
            case Check.Before c -> c.order().forEach(p -> kinds(p, kinds));
            case Check.All c -> c.checks().forEach(p -> kinds(p, kinds));
            case Check.Any c -> c.checks().forEach(p -> kinds(p, kinds));
            case Check.Not c -> kinds(c.check(), kinds);
        }
    }
}
