package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * CI's proof that every micro-benchmark still runs under JMH, harness, parameters, setups and teardowns included: one
 * 10 ms iteration of each case in this JVM, no warm-up, no fork. The scores are not looked at (BENCHMARKS.md: never a
 * timed test); the other tests of this package check what each benchmark computes.
 */
class EveryBenchmarkRunsUnderJmhTest {
    @Test
    void everyBenchmarkAndEveryParameterRunsOnceWithoutFailing() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(EveryBenchmarkRunsUnderJmhTest.class.getPackageName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                .shouldFailOnError(true) // an exception in a benchmark, a setup or a teardown fails this test
                .verbosity(VerboseMode.SILENT)
                .build()).run();

        TreeMap<String, Long> operations = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replace(getClass().getPackageName() + ".", "");
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) params.append(' ').append(key).append('=').append(r.getParams().getParam(key));
            operations.put(name + params, r.getPrimaryResult().getSampleCount());
        }
        // a new benchmark or parameter value belongs in this list
        assertThat(operations.keySet()).containsExactly(
                "EventQueueBenchmark.scheduleAndStep pending=100",
                "EventQueueBenchmark.scheduleAndStep pending=100000",
                "EventQueueBenchmark.scheduleStepAndRearmTimer pending=100",
                "EventQueueBenchmark.scheduleStepAndRearmTimer pending=100000",
                "EventQueueBenchmark.scheduleStepAndReplaceTimer pending=100",
                "EventQueueBenchmark.scheduleStepAndReplaceTimer pending=100000",
                "InternetChecksumBenchmark.compute length=1500",
                "InternetChecksumBenchmark.compute length=20",
                "SwitchForwardingBenchmark.forward",
                "TcpRoundTripBenchmark.roundTrip",
                "TcpSegmentBenchmark.check options=none",
                "TcpSegmentBenchmark.check options=timestamps",
                "TcpSegmentBenchmark.decode options=none",
                "TcpSegmentBenchmark.decode options=timestamps",
                "TcpSegmentBenchmark.emit options=none",
                "TcpSegmentBenchmark.emit options=timestamps",
                "UdpEchoBenchmark.roundTrip");
        assertThat(List.copyOf(operations.values())).as("one measured iteration each").containsOnly(1L);
    }
}
