package dev.packetlab.stack.app.http;

import dev.packetlab.stack.sim.SimTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates as HTTP writes them, the IMF-fixdate of RFC 9110 5.6.7 ({@code Thu, 01 Jan 1970 00:00:05 GMT}), on the
 * simulation's clock: simulated time 0 is the Unix epoch, as in the captures PacketLab exports, so the Date a server
 * sends and the time tshark shows for its packet agree.
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** The Common Log Format's time, as Apache and nginx write it in access logs. */
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {}

    /** The date at simulated time {@code nanos}, to the second. */
    public static String format(long nanos) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(nanos / SimTime.SECOND));
    }

    /** The date at simulated time {@code nanos} as an access log writes it: {@code 01/Jan/1970:00:00:05 +0000}. */
    public static String formatLog(long nanos) {
        return CLF.format(Instant.ofEpochSecond(nanos / SimTime.SECOND));
    }

    /** The simulated time (in nanoseconds, to the second) an IMF-fixdate names, or -1 when it is not one. */
    public static long parse(String text) {
        try {
            return Instant.from(IMF_FIXDATE.parse(text.strip())).getEpochSecond() * SimTime.SECOND;
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
