package dev.packetlab.stack.sim;

import java.nio.charset.StandardCharsets;

/**
 * A seeded pseudo-random stream (SplitMix64). Each purpose gets its own stream, derived from the simulation seed
 * and a stream name, so that adding a random draw in one place (say, link loss) never shifts the numbers another
 * place sees (say, TCP initial sequence numbers). Written out here rather than borrowed from the JDK so that the
 * sequence can never change under us between Java versions.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    private SimRandom(long state) {
        this.state = state;
    }

    /** The stream named {@code stream} under {@code seed}. */
    public static SimRandom of(long seed, String stream) {
        long h = mix(seed);
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return new SimRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
