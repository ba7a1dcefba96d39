package dev.packetlab.server.persistence;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A lab record (or a share point) that cannot be stored: HTTP 400 whose problem detail lists every wrong field in
 * {@code errors} as {@code {"field": "log[3].time", "message": "..."}}, so a client can fix them all at once.
 */
public class InvalidLabRecordException extends LabStoreException {
    private final List<FieldError> errors;

    public InvalidLabRecordException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid lab record", "The lab record is not valid: "
                + String.join("; ", errors.stream().map(FieldError::toString).toList()));
        if (errors.isEmpty()) throw new IllegalArgumentException("an invalid record has at least one error");
        this.errors = List.copyOf(errors);
        getBody().setProperty("errors", this.errors);
    }

    /** Every wrong field, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }
}
