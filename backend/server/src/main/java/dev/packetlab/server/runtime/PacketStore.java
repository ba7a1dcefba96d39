package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The frames of one instance, for the packet list, the packet inspector and pcap downloads: every transmission on a
 * link (the rows of the packet list, numbered from 1) and every arrival (for a node's capture), in the order they
 * happened, up to a budget of bytes. Past the budget the oldest go first, as in a capture ring buffer; numbers keep
 * counting, so a number always means the same frame.
 *
 * <p>Confined to the session's thread, like the simulation it records.
 */
final class PacketStore {
    /** What one kept record costs besides its bytes (the record and the list slot), for the budget. */
    private static final int OVERHEAD = 96;

    private final long budget;
    /** Transmissions, numbered: the one numbered n is at index n - firstNumber. */
    private final Ring transmissions = new Ring();
    /** Transmissions and arrivals together, in the order they happened. */
    private final Ring all = new Ring();
    private long firstNumber = 1;
    private long bytes;
    private long nextNumber = 1;

    PacketStore(long budget) {
        this.budget = budget;
    }

    /** Records a transmission and returns its packet number. */
    long sent(long time, String node, String device, String link, byte[] frame) {
        CapturedFrame f = new CapturedFrame(nextNumber++, time, node, device, link, false, frame);
        transmissions.add(f);
        all.add(f);
        bytes += frame.length + 2L * OVERHEAD;
        trim();
        return f.number();
    }

    /** Records the arrival of transmission {@code number} (0 when it is not known); the bytes are the sender's. */
    void received(long number, long time, String node, String device, String link, byte[] frame) {
        all.add(new CapturedFrame(number, time, node, device, link, true, frame));
        bytes += OVERHEAD;
        trim();
    }

    private void trim() {
        while (bytes > budget && transmissions.size() > 1) {
            CapturedFrame oldest = transmissions.removeFirst();
            firstNumber++;
            bytes -= oldest.frame().length + 2L * OVERHEAD;
            // everything captured up to that transmission goes with it
            while (all.size() > 0 && all.first() != oldest) {
                all.removeFirst();
                bytes -= OVERHEAD;
            }
            if (all.size() > 0) all.removeFirst();
        }
    }

    /** Transmissions numbered so far, kept or not. */
    long count() { return nextNumber - 1; }

    /** The bytes of frames it keeps at most. */
    long capacity() { return budget; }

    /** The number of the oldest transmission still kept. */
    long firstKept() { return firstNumber; }

    /** The kept transmissions that {@code filter} selects, oldest first. */
    List<CapturedFrame> packets(Predicate<CapturedFrame> filter) {
        return transmissions.select(filter);
    }

    /** The kept transmissions and arrivals that {@code filter} selects, in the order they happened. */
    List<CapturedFrame> frames(Predicate<CapturedFrame> filter) {
        return all.select(filter);
    }

    /** The transmission numbered {@code number}, or null when it does not exist or is no longer kept. */
    CapturedFrame packet(long number) {
        long index = number - firstNumber;
        return index < 0 || index >= transmissions.size() ? null : transmissions.get((int) index);
    }

    /** A list that drops from its front cheaply. */
    private static final class Ring {
        private final List<CapturedFrame> items = new ArrayList<>();
        private int head;

        void add(CapturedFrame f) { items.add(f); }

        int size() { return items.size() - head; }

        CapturedFrame first() { return items.get(head); }

        CapturedFrame get(int i) { return items.get(head + i); }

        CapturedFrame removeFirst() {
            CapturedFrame f = items.get(head);
            items.set(head++, null);
            if (head > 4096 && head > items.size() / 2) {
                items.subList(0, head).clear();
                head = 0;
            }
            return f;
        }

        List<CapturedFrame> select(Predicate<CapturedFrame> filter) {
            List<CapturedFrame> result = new ArrayList<>();
            for (int i = head; i < items.size(); i++) {
                CapturedFrame f = items.get(i);
                if (filter.test(f)) result.add(f);
            }
            return result;
        }
    }
}
