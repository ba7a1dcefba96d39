package dev.packetlab.server.persistence;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request to read, change or share a saved lab came without its owner token, or with another one: HTTP 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750 3; {@code error="invalid_token"} when a token was sent).
 */
public class OwnerTokenRejectedException extends LabStoreException {

    public OwnerTokenRejectedException(String savedLabId, boolean tokenGiven) {
        super(HttpStatus.UNAUTHORIZED, tokenGiven ? "Wrong owner token" : "Owner token required", tokenGiven
                ? "This owner token is not the one of saved lab " + Problems.quoted(savedLabId) + "."
                : "Saved lab " + Problems.quoted(savedLabId)
                        + " needs its owner token: send it as \"Authorization: Bearer TOKEN\".");
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer realm=\"packetlab\", error=\"invalid_token\"" : "Bearer realm=\"packetlab\"");
    }
}
