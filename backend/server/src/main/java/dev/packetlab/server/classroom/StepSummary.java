package dev.packetlab.server.classroom;

/** A step across the class: {@code passed} of the class's {@code of} students pass its check now ("18 of 24"). */
public record StepSummary(int step, int passed, int of) {}
