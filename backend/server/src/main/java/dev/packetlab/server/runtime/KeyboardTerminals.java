package dev.packetlab.server.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The terminals of an instance that someone types at key by key: for each such node, the {@link LineDiscipline} that
 * edits the line and the {@link TerminalScreen} that draws it, and the {@link Echo}es that tell the watchers.
 *
 * <p>A node gets one the first time keys are typed at it, and keeps it (with its history) as long as the instance
 * lives, rebuilt or not: keys are not part of the command log, only the lines, Ctrl-C and Ctrl-D they make. Nodes
 * typed at only line by line (the {@code line} message) never get one, so their watchers see no echoes.
 *
 * <p>Confined to the instance's thread, as the rest of it.
 */
final class KeyboardTerminals {
    /** One node's terminal. */
    record Terminal(LineDiscipline keys, TerminalScreen screen) {}

    private final Map<String, Terminal> terminals = new LinkedHashMap<>();
    private final List<SessionObserver> observers;
    /** While an instance is rebuilt by replay: what it prints then is no news to the screens. */
    private boolean quiet;

    /** @param observers the instance's watchers (the same list, not a copy) */
    KeyboardTerminals(List<SessionObserver> observers) {
        this.observers = observers;
    }

    /** The node's terminal, made the first time with a screen that has printed {@code scrollback}. */
    Terminal open(String node, String scrollback) {
        return terminals.computeIfAbsent(node, n -> new Terminal(new LineDiscipline(),
                new TerminalScreen(scrollback, TerminalScreen.DEFAULT_COLUMNS)));
    }

    /**
     * The node printed {@code text}: its typed line, if drawn, is erased first, before watchers get the text.
     *
     * @param prompt the node's prompt now
     */
    void printed(String node, String text, String prompt) {
        Terminal t = terminals.get(node);
        if (t == null || quiet) return;
        echo(node, t, t.screen().print(text), prompt);
    }

    /** Sends what the screen must write, with the line as it now stands, unless it is nothing. */
    void echo(String node, Terminal t, String text, String prompt) {
        if (text.isEmpty()) return;
        Echo e = new Echo(node, text, prompt, t.keys().line(), t.keys().cursor());
        for (SessionObserver o : observers) o.echo(e);
    }

    /**
     * Draws every typed line that is not on the screen as it should be (the node printed, a command ended and the
     * prompt came back), with the prompt {@code promptOf} gives each node.
     */
    void refresh(Function<String, String> promptOf) {
        if (quiet) return;
        terminals.forEach((node, t) -> {
            String prompt = promptOf.apply(node);
            echo(node, t, t.screen().draw(prompt, t.keys().line(), t.keys().cursor()), prompt);
        });
    }

    /** The lines being typed, for a snapshot: a client draws each after its terminal's text. */
    Map<String, Snapshot.Editing> editing(Function<String, String> promptOf) {
        Map<String, Snapshot.Editing> result = new LinkedHashMap<>();
        terminals.forEach((node, t) -> result.put(node,
                new Snapshot.Editing(promptOf.apply(node), t.keys().line(), t.keys().cursor())));
        return result;
    }

    /** The instance is being rebuilt by replay: no echoes until {@link #rebuilt}. */
    void rebuilding() {
        quiet = true;
    }

    /**
     * The instance was rebuilt and its watchers will draw from a snapshot: each screen starts again from its
     * terminal's text with the typed line drawn after it, as {@link #editing} tells them to.
     */
    void rebuilt(Function<String, String> scrollbackOf, Function<String, String> promptOf) {
        quiet = false;
        terminals.replaceAll((node, t) -> {
            TerminalScreen screen = new TerminalScreen(scrollbackOf.apply(node), t.screen().columns());
            screen.draw(promptOf.apply(node), t.keys().line(), t.keys().cursor());
            return new Terminal(t.keys(), screen);
        });
    }

    /** A node was removed: its terminal goes with it. */
    void remove(String node) {
        terminals.remove(node);
    }
}
