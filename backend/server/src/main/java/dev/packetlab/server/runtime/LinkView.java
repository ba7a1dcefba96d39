package dev.packetlab.server.runtime;

/**
 * A cable between two interfaces, with its parameters in base units.
 *
 * @param name      the link's name in traces and captures: {@code pc1:eth0-sw1:p1}
 * @param a         one end, {@code node:interface}
 * @param b         the other end
 * @param bandwidth bits per second
 * @param delay     propagation delay, nanoseconds
 * @param jitter    extra delay drawn per frame, up to this many nanoseconds
 * @param loss      probability that a frame is lost
 * @param mtu       largest IP packet, bytes
 * @param queue     frames that may wait at each end
 */
public record LinkView(String name, String a, String b, long bandwidth, long delay, long jitter, double loss, int mtu,
                       int queue, boolean up) {}
