package dev.packetlab.server.persistence;

/** One thing wrong in a request: the field, as a path such as {@code log[3].time}, and what is wrong with it. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
