package dev.packetlab.stack.sim;

/**
 * Simulated time: a {@code long} count of nanoseconds since the simulation started.
 * The simulator never reads the wall clock; everything that happens is ordered on this axis.
 */
public final class SimTime {
    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private SimTime() {}

    public static long micros(long n) { return n * MICROSECOND; }
    public static long millis(long n) { return n * MILLISECOND; }
    public static long seconds(long n) { return n * SECOND; }

    /** Milliseconds with three decimals, as ping and traceroute print them ({@code 2.048}). */
    public static String formatMillis(long nanos) {
        long micros = Math.round(nanos / 1000.0);
        return (micros / 1000) + "." + String.format("%03d", Math.abs(micros % 1000));
    }

    /** Seconds with nine decimals ({@code 1.000020480}), the precision of the event log. */
    public static String formatSeconds(long nanos) {
        return (nanos / SECOND) + "." + String.format("%09d", Math.abs(nanos % SECOND));
    }

    /**
     * Parses a duration such as {@code 2s}, {@code 150ms}, {@code 10us}, {@code 500ns}, {@code 1.5s}, {@code 2m}.
     *
     * @throws IllegalArgumentException naming the text when it is not a duration
     */
    public static long parseDuration(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        if (i == 0) throw new IllegalArgumentException("not a duration: \"" + text + "\" (expected e.g. 2s, 150ms, 10us)");
        String unit = t.substring(i).trim();
        long scale = switch (unit) {
            case "ns" -> NANOSECOND;
            case "us", "µs" -> MICROSECOND;
            case "ms" -> MILLISECOND;
            case "s", "" -> SECOND;
            case "m", "min" -> 60 * SECOND;
            case "h" -> 3600 * SECOND;
            default -> throw new IllegalArgumentException(
                    "not a duration: \"" + text + "\" (unknown unit \"" + unit + "\"; use ns, us, ms, s, m or h)");
        };
        try {
            return new java.math.BigDecimal(t.substring(0, i)).multiply(java.math.BigDecimal.valueOf(scale))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\"");
        }
    }
}
