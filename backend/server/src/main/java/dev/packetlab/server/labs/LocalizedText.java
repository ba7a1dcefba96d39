package dev.packetlab.server.labs;

/** A text in every UI language. Lab files give both; the browser picks one. */
public record LocalizedText(String en, String ko) {}
