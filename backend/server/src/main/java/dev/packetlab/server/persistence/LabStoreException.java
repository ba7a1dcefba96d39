package dev.packetlab.server.persistence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something a caller of {@link LabStore} got wrong: an unknown id, a wrong owner token, a state that cannot be
 * stored. Each one carries its RFC 9457 problem detail, which the server's {@code ApiExceptionHandler} sends as it is
 * (Spring's {@link ErrorResponseException}); code that is not answering HTTP (the WebSocket) can catch this one type
 * and use {@link #getMessage()}, the detail meant for the user.
 */
public abstract class LabStoreException extends ErrorResponseException {

    protected LabStoreException(HttpStatus status, String title, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        getBody().setTitle(title);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
