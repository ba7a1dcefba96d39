package dev.packetlab.stack.wire;

/**
 * The result of decoding bytes: the value, or why the bytes are not one. Decoding never throws, so a receive path
 * switches over this instead of catching: {@code case Decoded.Failure<Ipv4Packet>(Malformed m) -> drop(m)}.
 */
public sealed interface Decoded<T> {
    record Success<T>(T value) implements Decoded<T> {}

    record Failure<T>(Malformed malformed) implements Decoded<T> {}

    static <T> Decoded<T> of(T value) { return new Success<>(value); }

    static <T> Decoded<T> failure(Malformed m) { return new Failure<>(m); }

    static <T> Decoded<T> failure(String protocol, String reason) { return new Failure<>(Malformed.of(protocol, reason)); }

    default boolean isSuccess() { return this instanceof Success<T>; }

    /** The value, or null when decoding failed. */
    default T valueOrNull() { return this instanceof Success<T> s ? s.value() : null; }

    /** Why decoding failed, or null when it succeeded. */
    default Malformed malformedOrNull() { return this instanceof Failure<T> f ? f.malformed() : null; }

    /** The value; throws IllegalStateException with the reason when decoding failed (for tests and tools). */
    default T orThrow() {
        return switch (this) {
            case Success<T> s -> s.value();
            case Failure<T> f -> throw new IllegalStateException(f.malformed().toString());
        };
    }
}
