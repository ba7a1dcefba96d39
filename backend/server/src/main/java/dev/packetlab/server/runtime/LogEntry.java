package dev.packetlab.server.runtime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * One thing a user did to a running lab, with the exact point of the simulation where it happened: its simulated
 * time and how many events had run before it. A lab instance is fully described by its lab file, its seed and the
 * list of these; replaying them at their points rebuilds it event for event (after eviction, a restart, "go back to
 * time t", a shared link).
 *
 * <p>The event count matters as much as the time: while stepping one event at a time, several events may be due at
 * the same instant, and a command typed between two of them must be replayed between the same two.
 * Run controls (pause, play, speed) are not entries: they change when things happen on the wall clock, never what
 * happens in simulated time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LogEntry.Line.class, name = "line"),
        @JsonSubTypes.Type(value = LogEntry.Execute.class, name = "execute"),
        @JsonSubTypes.Type(value = LogEntry.Interrupt.class, name = "interrupt"),
        @JsonSubTypes.Type(value = LogEntry.EndOfInput.class, name = "eof"),
        @JsonSubTypes.Type(value = LogEntry.SetLink.class, name = "set-link"),
        @JsonSubTypes.Type(value = LogEntry.AddNode.class, name = "add-node"),
        @JsonSubTypes.Type(value = LogEntry.RemoveNode.class, name = "remove-node"),
        @JsonSubTypes.Type(value = LogEntry.SetNode.class, name = "set-node"),
        @JsonSubTypes.Type(value = LogEntry.AddLink.class, name = "add-link"),
        @JsonSubTypes.Type(value = LogEntry.RemoveLink.class, name = "remove-link")})
public sealed interface LogEntry {
    /** Simulated time in nanoseconds. */
    long time();

    /** Events the simulation had executed when this entry was applied. */
    long events();

    /**
     * A line typed at a node's terminal: the input of the program in the foreground if there is one, otherwise a
     * command line for the shell (exactly what a terminal does with a line).
     */
    record Line(long time, long events, String node, String text) implements LogEntry {}

    /** A command line run through the API, in the background if asked, whatever is in the foreground. */
    record Execute(long time, long events, String node, String line, boolean background, long job) implements LogEntry {}

    /** Ctrl-C at a node's terminal. */
    record Interrupt(long time, long events, String node) implements LogEntry {}

    /** Ctrl-D at a node's terminal. */
    record EndOfInput(long time, long events, String node) implements LogEntry {}

    /** Link keys of the lab file ({@code bandwidth: 10Mbps}, {@code up: false}…) set on the named link. */
    record SetLink(long time, long events, String link, Map<String, Object> set) implements LogEntry {}

    /** A node added as the lab file writes one ({@code {id: pc3, kind: host, ip: 10.0.0.3/24}}). */
    record AddNode(long time, long events, Map<String, Object> node) implements LogEntry {}

    /** Node keys of the lab file ({@code ip}, {@code gateway}, {@code routes}…) set on a running node. */
    record SetNode(long time, long events, String node, Map<String, Object> set) implements LogEntry {}

    /** A node taken out of the lab, with its cables. */
    record RemoveNode(long time, long events, String node) implements LogEntry {}

    /**
     * A cable plugged in, written as in a lab file ({@code {a: pc3, b: "sw1:p3", delay: 1ms}}); a bare switch or hub
     * end has already been given its port, so replay plugs into the same one.
     */
    record AddLink(long time, long events, Map<String, Object> link) implements LogEntry {}

    /** A cable pulled out and taken away. */
    record RemoveLink(long time, long events, String link) implements LogEntry {}
}
