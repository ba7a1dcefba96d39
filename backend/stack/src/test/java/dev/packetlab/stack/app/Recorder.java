package dev.packetlab.stack.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A test program, {@code record}: writes down every chunk its standard input brings, then {@code "EOF"}, and exits
 * with status 3 at the end of its input. It may start listening late, to show that nothing typed before is lost.
 */
final class Recorder implements Command {
    final List<String> heard = new ArrayList<>();
    private final long listenAfter;

    /** @param listenAfter simulated nanoseconds before it registers its handlers (0: at once) */
    Recorder(long listenAfter) {
        this.listenAfter = listenAfter;
    }

    @Override
    public String name() { return "record"; }

    @Override
    public String summary() { return "write down standard input (tests)"; }

    @Override
    public String usage() { return "usage: record"; }

    @Override
    public void run(Process p) {
        Runnable listen = () -> {
            // the end first: it must still come after the data that is waiting
            p.onEndOfInput(() -> {
                heard.add("EOF");
                p.exit(3);
            });
            p.onInput(heard::add);
        };
        if (listenAfter == 0) listen.run();
        else p.schedule(listenAfter, listen);
    }
}
