package dev.packetlab.server.persistence;

import org.springframework.http.HttpStatus;

/** Someone tried to fork through a read-only share link: HTTP 403, since the link's owner chose replay only. */
public class ReadOnlyShareLinkException extends LabStoreException {

    public ReadOnlyShareLinkException(String linkId) {
        super(HttpStatus.FORBIDDEN, "Read-only share link",
                "Share link " + Problems.quoted(linkId) + " is read-only: it replays the lab and cannot be forked.");
    }
}
