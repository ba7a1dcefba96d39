package dev.packetlab.stack.wire;

import java.util.List;

/**
 * A frame taken apart for a learner: its layers (Ethernet, then ARP or IPv4, then ICMP or UDP…), each with its
 * fields and the bytes they occupy, plus the one-line summary a packet list shows. Field keys are Wireshark's
 * display-filter names ({@code ip.ttl}, {@code icmp.seq}), so what a learner learns here works in Wireshark too,
 * and the UI can translate each field's explanation by key.
 *
 * @param protocol the highest protocol recognised ("ARP", "ICMP", "UDP", "IPv4", "Ethernet")
 * @param source   the source as a packet list shows it (IP address, or MAC address below IP)
 * @param summary  the Info column, worded like Wireshark's
 * @param problem  null, or why the frame could not be read further than its last layer
 */
public record Dissection(String protocol, String source, String destination, String summary, List<Layer> layers,
                         Malformed problem) {

    /** One protocol header: where it is in the frame, and its fields. */
    public record Layer(String name, int offset, int length, List<Field> fields) {}

    /**
     * One field: Wireshark's name for it, its value as text, and the bytes it occupies ({@code bitMask} non-zero
     * when it shares its bytes with other fields, like IPv4's flags and fragment offset).
     */
    public record Field(String key, String label, String value, int offset, int length, int bitMask) {
        static Field bytes(String key, String label, String value, int offset, int length) {
            return new Field(key, label, value, offset, length, 0);
        }
    }
}
