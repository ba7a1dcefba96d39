package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.lab.check.Runs.Run;
import dev.packetlab.stack.trace.Trace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judging live: the listener hears each step's verdict change at the event that changed it, the combinations
 * judge the run so far, and the evaluator costs nothing it does not need.
 */
class CheckEvaluatorTest {
    private static final String PING = "pc1: ping -c 1 10.0.0.2\n";
    private static final Map<String, Object> ARP = m("frame", m("proto", "arp"));
    private static final Map<String, Object> ICMP = m("frame", m("proto", "icmp"));

    @Test
    void theListenerHearsEachStepPassWhenItHappens() {
        Run run = new Run(switched(
                step(m("frame", m("icmp-type", "echo-reply", "received-by", "pc1"))),
                m("text", "a step without check"),
                step(m("arp-entry", m("node", "pc1", "address", "srv")))));
        run.script(PING);
        assertThat(run.changes).containsExactly(
                "step 2 passed at 0.004019 s: pc1's ARP cache updated 10.0.0.2 at 02:00:00:00:00:02 on eth0 at "
                        + "0.004019 s",
                "step 0 passed at 0.008050 s: pc1 received ICMP 10.0.0.2 → 10.0.0.1 Echo (ping) reply  id=0x0940, "
                        + "seq=1, ttl=64 at 0.008050 s");
    }

    @Test
    void resultsBeforeTheRunAreAllFailingAndSayWhatIsMissing() {
        Run run = new Run(switched(step(ARP), m("text", "no check"), step(ICMP)));
        assertThat(run.evaluator.results()).containsExactly(
                new StepResult(0, run.lab.steps().get(0).check(), false, "not seen: an ARP packet", "보이지 않음: ARP 패킷", -1),
                new StepResult(2, run.lab.steps().get(2).check(), false, "not seen: an ICMP message", "보이지 않음: ICMP 메시지", -1));
    }

    /** A check with not can pass, then fail when what it rules out happens; the listener hears both. */
    @Test
    void aStepThatRulesSomethingOutFailsAgainWhenItHappens() {
        Run run = new Run(switched(step(m("all", l(ARP, m("not", ICMP))))));
        run.script(PING);
        assertThat(run.changes).containsExactly(
                "step 0 passed at 0.000000 s: pc1 sent ARP 02:00:00:00:00:01 → Broadcast (ff:ff:ff:ff:ff:ff) Who has "
                        + "10.0.0.2? Tell 10.0.0.1 at 0.000000 s; as wanted, not seen: an ICMP message",
                "step 0 failed at 0.004019 s: pc1 sent ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request  id=0x0940, "
                        + "seq=1, ttl=64 at 0.004019 s, which this step rules out");
        assertThat(run.finish().getFirst().passed()).isFalse();
    }

    @Test
    void atMostFailsOnceTheCountIsExceeded() {
        Map<String, Object> check = m("all", l(ARP, m("count", m("icmp-type", "echo-request", "at-most", 2))));
        assertThat(verdict(switched(step(check)), "pc1: ping -c 2 10.0.0.2\n").passed()).isTrue();
        StepResult three = verdict(switched(step(check)), "pc1: ping -c 3 10.0.0.2\n");
        assertThat(three.passed()).isFalse();
        assertThat(three.why()).startsWith("seen 3 times (at most 2 wanted): pc1 sent ICMP 10.0.0.1 → 10.0.0.2 Echo");
    }

    @Test
    void beforeNeedsEachToHappenFirst() {
        assertThat(verdict(switched(step(m("before", l(ARP, ICMP)))), PING).passed()).isTrue();
        StepResult reversed = verdict(switched(step(m("before", l(ICMP, ARP)))), PING);
        assertThat(reversed.passed()).isFalse();
        assertThat(reversed.why()).isEqualTo("out of order: pc1 sent ARP 02:00:00:00:00:01 → Broadcast "
                + "(ff:ff:ff:ff:ff:ff) Who has 10.0.0.2? Tell 10.0.0.1 at 0.000000 s (2 times in all), which should "
                + "have come after pc1 sent ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request  id=0x0940, seq=1, ttl=64 at "
                + "0.004019 s (2 times in all)");
    }

    /**
     * Two events at the same simulated time still have an order: the order they happened in. sw1 receives pc1's
     * ARP request and learns pc1's MAC address at the same nanosecond, the frame first.
     */
    @Test
    void beforeOrdersEventsAtTheSameInstant() {
        Map<String, Object> learned = m("mac-entry", m("node", "sw1", "mac", "pc1"));
        Map<String, Object> request = m("frame", m("arp", "request", "received-by", "sw1"));
        assertThat(verdict(switched(step(request)), PING).at()).isEqualTo(verdict(switched(step(learned)), PING).at());
        assertThat(verdict(switched(step(m("before", l(request, learned)))), PING).passed()).isTrue();
        assertThat(verdict(switched(step(m("before", l(learned, request)))), PING).passed()).isFalse();
    }

    @Test
    void anyPassesWithOneOfItsParts() {
        StepResult r = verdict(switched(step(m("any", l(m("frame", m("proto", "udp")), ICMP)))), PING);
        assertThat(r.why()).isEqualTo("pc1 sent ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request  id=0x0940, seq=1, ttl=64 "
                + "at 0.004019 s (2 times in all)");
    }

    @Test
    void theEvaluatorListensOnlyToTheKindsItsChecksNeed() {
        Run run = new Run(switched(step(m("output", m("node", "pc1", "contains", "x")))));
        Trace trace = run.instance.network().trace();
        assertThat(trace.observed(Trace.Kind.TERMINAL)).isTrue();
        assertThat(trace.observed(Trace.Kind.FRAME_SENT)).isFalse();
        assertThat(trace.observed(Trace.Kind.TCP_VARIABLES)).isFalse();
        run.finish();
        assertThat(trace.observed(Trace.Kind.TERMINAL)).isFalse();
    }

    @Test
    void aLabWithoutChecksNeverPassesAsAWhole() {
        Run run = new Run(switched(m("text", "just look")));
        run.script(PING);
        assertThat(run.finish()).isEmpty();
        assertThat(run.evaluator.hasChecks()).isFalse();
        assertThat(run.evaluator.allPassed()).isFalse();
    }

    @Test
    void allPassedOnlyWhenEveryCheckedStepPassed() {
        Run run = new Run(switched(step(ARP), step(m("frame", m("proto", "udp")))));
        run.script(PING);
        run.finish();
        assertThat(run.evaluator.allPassed()).isFalse();
        Run both = new Run(switched(step(ARP), step(ICMP)));
        both.script(PING);
        both.finish();
        assertThat(both.evaluator.allPassed()).isTrue();
    }
}
