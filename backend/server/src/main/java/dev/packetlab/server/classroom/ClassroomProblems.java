package dev.packetlab.server.classroom;

import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.server.runtime.NotFoundException;
import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The classroom API's errors from the runtime as RFC 9457 problem details, as the instance API words them: an invalid
 * lab file names each wrong place ({@code errors}), an unknown catalogue lab or packet is a 404, a full server a 503.
 * The classroom's own refusals are {@link ClassroomException}s, which carry their problem detail already.
 */
@RestControllerAdvice(basePackageClasses = ClassroomProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClassroomProblems {

    /** One thing wrong in a lab file: where ({@code links[0].delay}) and what. */
    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(LabException.class)
    ResponseEntity<ProblemDetail> lab(LabException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.errors().stream().map((LabError x) -> new FieldProblem(x.path(), x.message()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid lab", e.getMessage(), request, errors);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage() + ".", request, null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), request, null);
    }

    @ExceptionHandler(LabSessions.ServerFullException.class)
    ResponseEntity<ProblemDetail> full(LabSessions.ServerFullException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Server full", e.getMessage(), request, null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         HttpServletRequest request, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) p.setProperties(Map.of("errors", errors));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
