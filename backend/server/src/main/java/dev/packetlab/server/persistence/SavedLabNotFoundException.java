package dev.packetlab.server.persistence;

import dev.packetlab.server.Secrets;
import org.springframework.http.HttpStatus;

/** No saved lab has this id (or the text is not an id at all): HTTP 404. */
public class SavedLabNotFoundException extends LabStoreException {

    public SavedLabNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "Saved lab not found", Secrets.isWellFormedId(id)
                ? "No saved lab has the id " + Problems.quoted(id) + "."
                : Problems.quoted(id) + " is not a saved lab id: an id is 22 characters of A-Z, a-z, 0-9, - and _.");
    }
}
