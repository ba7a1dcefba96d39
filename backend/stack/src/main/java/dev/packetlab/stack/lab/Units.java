package dev.packetlab.stack.lab;

import dev.packetlab.stack.sim.SimTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities lab files and scripts write with a unit: bandwidths in decimal SI bits per second and durations.
 * A unit is always required, because a bare {@code delay: 20} could mean 20 ms to one author and 20 s to another.
 */
final class Units {
    private static final Pattern BANDWIDTH = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?(bps|kbps|Kbps|Mbps|Gbps)");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?(ns|us|µs|ms|s)");
    /** Far above any real link, low enough that the serialization delay of one bit is still a whole nanosecond or so. */
    static final long MAX_BANDWIDTH = 400_000_000_000L;

    private Units() {}

    /** {@code 100Mbps} → 100000000; -1 when the text is not a positive bandwidth up to {@link #MAX_BANDWIDTH}. */
    static long bandwidth(String text) {
        Matcher m = BANDWIDTH.matcher(text.strip());
        if (!m.matches()) return -1;
        long scale = switch (m.group(2)) {
            case "kbps", "Kbps" -> 1_000L;
            case "Mbps" -> 1_000_000L;
            case "Gbps" -> 1_000_000_000L;
            default -> 1L;
        };
        double bps = Double.parseDouble(m.group(1)) * scale;
        return bps >= 1 && bps <= MAX_BANDWIDTH ? Math.round(bps) : -1;
    }

    /** {@code 1.5s} → 1500000000 ns; -1 when the text is not a duration with a unit. */
    static long duration(String text) {
        if (!DURATION.matcher(text.strip()).matches()) return -1;
        try {
            return SimTime.parseDuration(text);
        } catch (IllegalArgumentException e) {
            return -1; // too long to count in nanoseconds
        }
    }
}
