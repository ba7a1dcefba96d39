package dev.packetlab.server.share;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request names a live instance this server does not hold: HTTP 404. */
public class LiveInstanceNotFoundException extends ErrorResponseException {

    public LiveInstanceNotFoundException(String instanceId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No live instance \"" + (instanceId.length() > 40 ? instanceId.substring(0, 40) + "…" : instanceId)
                        + "\" on this server: it was deleted, or lives on another one."), null);
        getBody().setTitle("Instance not found");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
