package dev.packetlab.server.runtime;

import dev.packetlab.server.Secrets;
/**
 * Who may change a live instance, kept beside it by {@link LabSessions}: the SHA-256 of a token, and whether the
 * instance is a read-only replay.
 *
 * <p>An ordinary instance's token is its <b>owner token</b>: it may do everything (type, run commands, run controls,
 * edit the topology, save it, delete it). A read-only replay (opened from a read-only share link) is never changed:
 * its opener gets a <b>replay token</b>, which drives the replay (run controls: pause, play, step, go back in time,
 * which change when things happen and never what happens; run controls are not in the command log) and ends the
 * instance, and nothing else. A read-only instance without a token (one restored from a store that kept none) can only
 * be watched. Reading an instance (snapshot, packets, pcap, lab file, the WebSocket's stream) needs no token: its
 * 128-bit id is the secret of watching it.
 *
 * @param tokenHash SHA-256 of the token, 64 hex digits, or null when no token was given for it
 * @param readOnly  whether the instance is a read-only replay
 */
public record InstanceOwner(String tokenHash, boolean readOnly) {

    /** What a request asks to do to an instance. */
    public enum Right {
        /** Run controls and deleting the instance: what a read-only replay's token allows. */
        RUN,
        /** Everything else that changes it: input, commands, topology edits, saving it as a saved lab. */
        CHANGE
    }

    /** The answer to a request carrying a token (or none). */
    public enum Verdict {
        ALLOWED,
        /** No token came with a request that needs one. */
        TOKEN_MISSING,
        /** The token is not this instance's. */
        TOKEN_WRONG,
        /** The instance is a read-only replay and the request would change it. */
        READ_ONLY
    }

    /** An instance owned by whoever holds the token hashing to {@code tokenHash}. */
    public static InstanceOwner owned(String tokenHash) {
        if (tokenHash == null) throw new IllegalArgumentException("an owned instance needs its owner token's hash");
        return new InstanceOwner(tokenHash, false);
    }

    /** A read-only replay, driven by whoever holds the token hashing to {@code tokenHash} (null: nobody). */
    public static InstanceOwner readOnly(String tokenHash) {
        return new InstanceOwner(tokenHash, true);
    }

    /** Whether a request carrying {@code token} (null when it carries none) may do what {@code right} names. */
    public Verdict check(String token, Right right) {
        if (readOnly && right == Right.CHANGE) return Verdict.READ_ONLY;
        if (token == null || token.isEmpty()) return Verdict.TOKEN_MISSING;
        return Secrets.matches(token, tokenHash) ? Verdict.ALLOWED : Verdict.TOKEN_WRONG;
    }
}
