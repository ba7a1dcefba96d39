package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AOT cache's training run (compare.sh) completes every workload: a cache trained on a failing run would be wrong. */
class WorkloadsTrainTest {
    @Test
    void theTrainingRunCompletesEveryWorkload() {
        assertThat(Workloads.train()).isTrue();
    }
}
