package dev.packetlab.stack.app;

/** {@code help}: lists the node's commands, or prints one command's usage. */
final class Help implements Command {
    private final Shell shell;

    Help(Shell shell) {
        this.shell = shell;
    }

    @Override
    public String name() { return "help"; }

    @Override
    public String summary() { return "list the commands, or show how to use one"; }

    @Override
    public String usage() { return "usage: help [COMMAND]"; }

    @Override
    public void run(Process p) {
        if (p.args().size() > 1) {
            p.usageError("too many arguments");
            return;
        }
        if (p.args().size() == 1) {
            Command c = shell.commands().get(p.args().get(0));
            if (c == null) {
                p.println("help: no command named \"" + p.args().get(0) + "\"");
                p.exit(1);
                return;
            }
            p.println(c.name() + " - " + c.summary());
            p.println(c.usage());
            p.exit(0);
            return;
        }
        p.println("Commands on " + shell.node().name() + ":");
        int width = shell.commands().keySet().stream().mapToInt(String::length).max().orElse(4);
        for (Command c : shell.commands().values()) {
            p.println("  " + c.name() + " ".repeat(width - c.name().length() + 2) + c.summary());
        }
        p.println("Type COMMAND --help for its options. Ctrl-C stops a running command.");
        p.exit(0);
    }
}
