package dev.packetlab.server.api;

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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The instance API's errors as RFC 9457 problem details that name what is wrong: {@code errors} lists each field
 * (a request body's, or the lab file's path such as {@code links[0].delay}) with its message, so a client can put
 * each message beside the field it belongs to. Ordered before the server-wide handler, for these controllers only.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    /** One thing wrong: where ({@code speed}, {@code links[0].delay}) and what. */
    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage() + ".", request, null);
    }

    @ExceptionHandler(LabException.class)
    ResponseEntity<ProblemDetail> lab(LabException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.errors().stream().map(ApiProblems::of).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid lab", e.getMessage(), request, errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f))).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), request, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase();
        List<FieldProblem> errors = List.of(new FieldProblem(e.getName(), "expected " + expected + ", got \"" + e.getValue() + "\""));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String detail = e.getMostSpecificCause().getMessage();
        String field = fieldOf(detail);
        List<FieldProblem> errors = List.of(new FieldProblem(field, "not readable: " + firstLine(detail)));
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The body is not the JSON this endpoint takes: "
                + firstLine(detail), request, errors);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage(), request, null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e, HttpServletRequest request) {
        String m = e.getMessage() == null ? "invalid request" : e.getMessage();
        int colon = m.indexOf(": ");
        List<FieldProblem> errors = colon > 0 && !m.substring(0, colon).contains(" ")
                ? List.of(new FieldProblem(m.substring(0, colon), m.substring(colon + 2))) : null;
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", m, request, errors);
    }

    @ExceptionHandler(dev.packetlab.server.runtime.LabSession.TooManyInputsException.class)
    ResponseEntity<ProblemDetail> tooMany(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many inputs", e.getMessage(), request, null);
    }

    @ExceptionHandler(Await.InstanceBusyException.class)
    ResponseEntity<ProblemDetail> busy(Await.InstanceBusyException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance busy", e.getMessage(), request, null);
    }

    private static FieldProblem of(LabError e) {
        return new FieldProblem(e.path(), e.message());
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() + (f.getRejectedValue() == null ? "" : " (got " + f.getRejectedValue() + ")");
    }

    private static String describe(List<FieldProblem> errors) {
        return String.join("; ", errors.stream().map(p -> p.field() + ": " + p.message()).toList());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Jackson names the field in its path, e.g. {@code (through reference chain: ...["speed"])}. */
    private static String fieldOf(String detail) {
        if (detail == null) return "body";
        int open = detail.lastIndexOf("[\"");
        int close = open < 0 ? -1 : detail.indexOf("\"]", open);
        return open >= 0 && close > open ? detail.substring(open + 2, close) : "body";
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 HttpServletRequest request, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) p.setProperties(Map.of("errors", errors));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
