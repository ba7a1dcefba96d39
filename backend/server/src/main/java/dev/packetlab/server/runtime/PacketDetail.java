package dev.packetlab.server.runtime;

import dev.packetlab.stack.wire.Dissection;
import java.util.List;

/**
 * One packet taken apart: its layers, each field with the bytes it occupies (offsets into {@code hex}, which is the
 * whole frame, two hex digits per byte), as the inspector and hex view show them.
 *
 * @param problem null, or why the frame could not be read past its last layer
 */
public record PacketDetail(PacketRow packet, List<Dissection.Layer> layers, String problem, String hex) {}
