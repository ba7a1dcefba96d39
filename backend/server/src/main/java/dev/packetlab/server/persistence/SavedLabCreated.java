package dev.packetlab.server.persistence;

/**
 * The answer to saving a new lab: its id and its owner token. The token is shown this once: the store keeps only its
 * hash, so whoever saved the lab must keep the token to update or share it.
 */
public record SavedLabCreated(String id, String ownerToken) {}
