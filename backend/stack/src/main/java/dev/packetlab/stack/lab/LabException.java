package dev.packetlab.stack.lab;

import java.util.List;

/**
 * A lab or script file that cannot be used. The message lists every problem, one per line, as
 * {@code lab.yaml: links[2].b: no node named "r9" (known: pc1, sw1, r1)} (or {@code script.txt:3: ...} for a line
 * of a script), so a user can fix them all at once.
 */
public final class LabException extends RuntimeException {
    private final String file;
    private final List<LabError> errors;

    public LabException(String file, List<LabError> errors) {
        this(file, errors, ": ");
    }

    LabException(String file, List<LabError> errors, String separator) {
        super(format(file, errors, separator));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public String file() { return file; }

    public List<LabError> errors() { return errors; }

    private static String format(String file, List<LabError> errors, String separator) {
        StringBuilder s = new StringBuilder();
        for (LabError e : errors) {
            if (!s.isEmpty()) s.append('\n');
            s.append(file).append(separator).append(e.path()).append(": ").append(e.message());
        }
        return s.toString();
    }
}
