package dev.packetlab.server.api;

import dev.packetlab.server.runtime.InstanceOwner;
import dev.packetlab.server.runtime.InstanceOwner.Right;
import dev.packetlab.server.runtime.LabSessions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The one check of who may change a live instance, for every HTTP request that would: the token comes as
 * {@code Authorization: Bearer TOKEN} (RFC 6750 2.1), never in a URL, where logs, browser history and share links
 * could pick it up. A refusal is an {@link ErrorResponseException} carrying its problem detail: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750 3) without the token or with another one, 403 for a change to a
 * read-only replay. The WebSocket asks {@link InstanceOwner#check} itself and answers with {@code error} messages.
 */
@Component
public class InstanceAccess {
    private static final String SCHEME = "Bearer ";

    private final LabSessions sessions;

    public InstanceAccess(LabSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Lets the request through, or throws what to answer.
     *
     * @param authorization the request's {@code Authorization} header, or null
     * @throws ErrorResponseException 401 or 403 as above
     */
    public void require(String instanceId, String authorization, Right right) {
        requireToken(instanceId, bearer(authorization), right);
    }

    /**
     * As {@link #require}, for a token that came another way than the {@code Authorization} header (in a request
     * body whose header carries another token: a saved lab's).
     *
     * @param token the token, or null when the request carries none
     */
    public void requireToken(String instanceId, String token, Right right) {
        InstanceOwner owner = sessions.owner(instanceId);
        switch (owner.check(token, right)) {
            case ALLOWED -> { }
            case READ_ONLY -> throw readOnly(instanceId);
            case TOKEN_MISSING -> throw unauthorized(instanceId, owner.readOnly(), false);
            case TOKEN_WRONG -> throw unauthorized(instanceId, owner.readOnly(), true);
        }
    }

    /** The token in an {@code Authorization} header, or null if there is none or it is not a bearer token. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }

    private static ErrorResponseException unauthorized(String id, boolean replay, boolean tokenGiven) {
        String kind = replay ? "replay token" : "owner token";
        String detail = tokenGiven
                ? "This is not the " + kind + " of instance " + quoted(id) + "."
                : "Changing instance " + quoted(id) + " needs its " + kind + " (given once, to whoever "
                        + (replay ? "opened the read-only link" : "created or opened it")
                        + "): send it as \"Authorization: Bearer TOKEN\".";
        ErrorResponseException e = problem(HttpStatus.UNAUTHORIZED,
                (tokenGiven ? "Wrong " : "") + (tokenGiven ? kind : capitalized(kind) + " required"), detail);
        e.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer realm=\"packetlab\", error=\"invalid_token\"" : "Bearer realm=\"packetlab\"");
        return e;
    }

    private static ErrorResponseException readOnly(String id) {
        return problem(HttpStatus.FORBIDDEN, "Read-only instance", "Instance " + quoted(id) + " is a read-only "
                + "replay of a shared lab: it can be watched and replayed, never changed. Open the link as a copy "
                + "(a fork link) to work in it.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return new ErrorResponseException(status, p, null) {
            @Override
            public String getMessage() {
                return detail;
            }
        };
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String quoted(String id) {
        return "\"" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "\"";
    }
}
