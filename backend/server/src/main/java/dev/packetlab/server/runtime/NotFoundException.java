package dev.packetlab.server.runtime;

/** Something named in a request does not exist: an instance, node, link, job or packet. Becomes a 404. */
public class NotFoundException extends RuntimeException {
    private final String what;
    private final String name;

    public NotFoundException(String what, String name) {
        super("no " + what + " \"" + name + "\"");
        this.what = what;
        this.name = name;
    }

    public NotFoundException(String what, String name, String detail) {
        super("no " + what + " \"" + name + "\"" + detail);
        this.what = what;
        this.name = name;
    }

    /** What kind of thing was looked for ("instance", "node", "link"…). */
    public String what() { return what; }

    public String name() { return name; }
}
