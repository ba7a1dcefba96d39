package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.List;

/**
 * One trace event as the checks see it: numbered in the order it happened (so that "A before B" is exact even for
 * two events at the same simulated time), its frame decoded once for all checks, what Wireshark's TCP analysis made
 * of it, and the complete terminal lines it finished.
 *
 * @param number   the event's position in the run, from 1
 * @param frame    the decoded frame or packet of a frame event, or null
 * @param tcpKinds {@link TcpAnalysis.Kind#bit()}s of a TCP segment its sender made, 0 otherwise
 * @param lines    the terminal lines this output event completed, or empty
 */
record Observation(long number, TraceEvent event, DecodedFrame frame, int tcpKinds, List<Terminals.Line> lines) {

    long time() { return event.time(); }
}
