package dev.packetlab.server.classroom;

import dev.packetlab.stack.lab.LocalizedText;

/** A step of the class lab: its number from 1, its text, and whether a check judges it. */
public record StepInfo(int step, LocalizedText text, boolean checked) {}
