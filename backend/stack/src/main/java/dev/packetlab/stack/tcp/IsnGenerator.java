package dev.packetlab.stack.tcp;

import dev.packetlab.stack.sim.SimRandom;

/**
 * Initial sequence numbers as RFC 6528 (and RFC 9293 3.4.1) prescribe: ISN = M + F(four-tuple, secret), M a clock
 * ticking every 4 µs and F a keyed hash. Connections to different peers therefore get unrelated ISNs that nobody
 * can predict from an earlier one, while a reincarnation of the same four-tuple still starts above its
 * predecessor's numbers. The secret comes from the simulation's seed, so a run is reproducible and another seed
 * gives other ISNs.
 */
final class IsnGenerator {
    private final long secret0;
    private final long secret1;

    IsnGenerator(SimRandom random) {
        this.secret0 = random.nextLong();
        this.secret1 = random.nextLong();
    }

    long next(long nowNanos, Tcp.Key key) {
        long m = nowNanos / 4_000;
        long h = secret0;
        h = mix(h ^ (((long) key.localAddress() << 32) | (key.remoteAddress() & 0xffff_ffffL)));
        h = mix(h ^ (((long) key.localPort() << 16) | key.remotePort()) ^ secret1);
        return (m + h) & Seq.MASK;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
