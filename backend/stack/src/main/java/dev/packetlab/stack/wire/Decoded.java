package dev.packetlab.stack.wire;

/** The result of decoding bytes: the value, or why the bytes are not one. Decoding never throws. */
public sealed interface Decoded<T> {
    record Success<T>(T value) implements Decoded<T> {}

    record Failure<T>(Malformed malformed) implements Decoded<T> {}

    static <T> Decoded<T> of(T value) { return new Success<>(value); }

    static <T> Decoded<T> failure(Malformed m) { return new Failure<>(m); }

    /** The value; throws IllegalStateException with the reason when decoding failed (for tests and tools). */
    default T orThrow() {
        return switch (this) {
            case Success<T> s -> s.value();
            case Failure<T> f -> throw new IllegalStateException(f.malformed().toString());
        };
    }
}
