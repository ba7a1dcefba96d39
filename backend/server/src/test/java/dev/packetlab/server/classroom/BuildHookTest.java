package dev.packetlab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.stack.lab.check.CheckEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link LabSession#onEachBuild}, the runtime's hook a classroom judges a student's checks through: the hook sees the
 * build it is given and every rebuild, so checks attached by it follow the lab through eviction and replay.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BuildHookTest {

    @Autowired
    LabSessions sessions;

    @Test
    void aHookHearsTheCurrentBuildAtOnceAndEachRebuildAfterEviction() throws Exception {
        LabSession lab = sessions.createFromCatalogue("switch-basics", null);
        List<String> builds = Collections.synchronizedList(new ArrayList<>());

        await(lab.onEachBuild((l, instance) -> builds.add(l.id() + " at " + instance.simulation().now() + " ns")));
        assertThat(builds).containsExactly("switch-basics at 0 ns");

        await(lab.execute("pc1", "ping -c 1 192.168.1.20", false, true));
        assertThat(await(lab.evict())).isTrue();
        await(lab.snapshot()); // the next use rebuilds it by replay

        assertThat(builds).containsExactly("switch-basics at 0 ns", "switch-basics at 0 ns");
    }

    @Test
    void checksAttachedByTheHookPassAgainWhenTheLabIsRebuiltByReplay() throws Exception {
        LabSession lab = sessions.createFromCatalogue("switch-basics", null);
        List<String> verdicts = Collections.synchronizedList(new ArrayList<>());
        await(lab.onEachBuild((l, instance) -> CheckEvaluator.attach(l, instance, (step, passed, why, whyKo) ->
                verdicts.add("step " + (step + 1) + (passed ? " passed" : " failed") + " at "
                        + instance.simulation().now() + " ns"))));

        await(lab.execute("pc1", "arp -n", false, true));
        await(lab.execute("pc1", "ping -c 3 192.168.1.20", false, true));
        List<String> live = List.copyOf(verdicts);
        verdicts.clear();
        await(lab.evict());
        await(lab.snapshot());

        assertThat(live).containsExactly("step 1 passed at 4019200 ns", "step 2 passed at 2004031360 ns");
        assertThat(verdicts).isEqualTo(live);
    }

    @Test
    void aHookIsRefusedOnALabThatHasAlreadyRun() throws Exception {
        LabSession lab = sessions.createFromCatalogue("switch-basics", null);
        await(lab.execute("pc1", "ping -c 1 192.168.1.20", false, true));

        assertThatThrownBy(() -> await(lab.onEachBuild((l, instance) -> { })))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("instance " + lab.id() + " has already run; a build hook would miss it");
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
