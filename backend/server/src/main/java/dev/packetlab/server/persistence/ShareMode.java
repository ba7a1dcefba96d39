package dev.packetlab.server.persistence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a share link lets its holder do with the shared lab. */
public enum ShareMode {
    /** The holder gets their own copy at the shared point, with their own owner token, and carries on from there. */
    FORK("fork"),
    /** The holder watches a replay of the lab up to the shared point and can change nothing. */
    READONLY("readonly");

    private final String wireName;

    ShareMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in the database: {@code fork} or {@code readonly}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the modes there are */
    @JsonCreator
    public static ShareMode fromWireName(String name) {
        for (ShareMode mode : values()) {
            if (mode.wireName.equals(name)) return mode;
        }
        throw new IllegalArgumentException("mode must be one of " + names() + ", not \"" + name + "\"");
    }

    /** {@code fork, readonly}, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(ShareMode::wireName).collect(Collectors.joining(", "));
    }
}
