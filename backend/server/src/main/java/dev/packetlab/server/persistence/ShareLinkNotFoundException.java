package dev.packetlab.server.persistence;

import dev.packetlab.server.Secrets;
import org.springframework.http.HttpStatus;

/** No share link has this id (or the text is not a link id at all): HTTP 404. */
public class ShareLinkNotFoundException extends LabStoreException {

    public ShareLinkNotFoundException(String linkId) {
        super(HttpStatus.NOT_FOUND, "Share link not found", Secrets.isWellFormedId(linkId)
                ? "No share link has the id " + Problems.quoted(linkId) + ": check that the whole link was copied."
                : Problems.quoted(linkId) + " is not a share link id: an id is 22 characters of A-Z, a-z, 0-9, - and _.");
    }
}
