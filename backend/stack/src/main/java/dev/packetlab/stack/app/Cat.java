package dev.packetlab.stack.app;

/**
 * {@code cat}: copies its standard input to its standard output until the input ends (Ctrl-D at the terminal, or
 * the end of the command before it in a pipeline). Nodes have no files, so a file name is answered as coreutils
 * answers a missing one; {@code -} means standard input, as there.
 */
final class Cat implements Command {
    @Override
    public String name() { return "cat"; }

    @Override
    public String summary() { return "copy standard input to standard output (end it with Ctrl-D)"; }

    @Override
    public String usage() { return "usage: cat [-]\n  copies what is typed, or what a pipe brings, until Ctrl-D or the end of the pipe"; }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "", "");
        boolean missing = false;
        for (String file : o.positional()) {
            if (file.equals("-")) continue;
            p.eprintln("cat: " + file + ": No such file or directory");
            missing = true;
        }
        if (missing && !o.positional().contains("-")) {
            p.exit(1);
            return;
        }
        int status = missing ? 1 : 0;
        p.onInput(p::print);
        p.onEndOfInput(() -> p.exit(status));
    }
}
