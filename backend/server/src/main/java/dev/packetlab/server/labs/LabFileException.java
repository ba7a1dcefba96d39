package dev.packetlab.server.labs;

/** A lab file that cannot be read; the message names the file and the place in it. */
public class LabFileException extends RuntimeException {

    public LabFileException(String message) {
        super(message);
    }

    public LabFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
