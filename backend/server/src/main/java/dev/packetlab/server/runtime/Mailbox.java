package dev.packetlab.server.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one instance's tasks one at a time, in order, on a shared pool: the simulation is confined to whichever pool
 * thread drains its mailbox, and the queue's hand-over orders memory between successive threads. A mailbox with
 * nothing to do holds no thread. After a handful of tasks it lets the pool serve other instances before going on,
 * so one busy instance cannot starve the rest.
 */
final class Mailbox implements Executor {
    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    private static final int TASKS_PER_TURN = 16;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final String name;

    Mailbox(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) pool.execute(this::drain);
    }

    private void drain() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            Runnable task = tasks.poll();
            if (task == null) break;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("instance {}: a task failed", name, e);
            }
        }
        scheduled.set(false);
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) pool.execute(this::drain);
    }
}
