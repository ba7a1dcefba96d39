package dev.packetlab.server.web;

import dev.packetlab.server.runtime.LabSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into HTTP errors: every error is an RFC 9457 problem detail
 * ({@code application/problem+json}) whose {@code instance} is the request path.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Unknown paths: say which request had no endpoint, not "no static resource". */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A client address holding as many instances as it may, whichever way it asked for another (a new lab, a saved
     * lab opened, a share link opened): 429 naming the limit.
     */
    @ExceptionHandler(LabSessions.TooManyInstancesException.class)
    public ResponseEntity<Object> tooManyInstances(LabSessions.TooManyInstancesException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
        problem.setTitle("Too many instances");
        problem.setProperty("limit", ex.limit());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.TOO_MANY_REQUESTS, request);
    }

    /** The server holds as many instances as it takes: 503. */
    @ExceptionHandler(LabSessions.ServerFullException.class)
    public ResponseEntity<Object> serverFull(LabSessions.ServerFullException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Server full");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** Anything unexpected: a 500 that does not leak internals; the log has the stack trace. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error for {}", describe(request), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The server failed to handle this request; its log has the details.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getHttpMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
