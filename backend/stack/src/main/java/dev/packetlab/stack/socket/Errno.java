package dev.packetlab.stack.socket;

/** The errors a socket call can return, with Linux's numbers and strerror() words, as a learner will meet them. */
public enum Errno {
    EBADF(9, "Bad file descriptor"),
    EACCES(13, "Permission denied"),
    EAGAIN(11, "Resource temporarily unavailable"),
    EINVAL(22, "Invalid argument"),
    EMFILE(24, "Too many open files"),
    EPIPE(32, "Broken pipe"),
    EDESTADDRREQ(89, "Destination address required"),
    EMSGSIZE(90, "Message too long"),
    EPROTONOSUPPORT(93, "Protocol not supported"),
    EOPNOTSUPP(95, "Operation not supported"),
    EADDRINUSE(98, "Address already in use"),
    EADDRNOTAVAIL(99, "Cannot assign requested address"),
    ENETUNREACH(101, "Network is unreachable"),
    ECONNRESET(104, "Connection reset by peer"),
    EISCONN(106, "Transport endpoint is already connected"),
    ENOTCONN(107, "Transport endpoint is not connected"),
    ETIMEDOUT(110, "Connection timed out"),
    ECONNREFUSED(111, "Connection refused"),
    EHOSTUNREACH(113, "No route to host"),
    EALREADY(114, "Operation already in progress"),
    EINPROGRESS(115, "Operation now in progress");

    private final int number;
    private final String message;

    Errno(int number, String message) {
        this.number = number;
        this.message = message;
    }

    public int number() { return number; }

    /** What strerror() says, e.g. "Connection refused". */
    public String message() { return message; }
}
