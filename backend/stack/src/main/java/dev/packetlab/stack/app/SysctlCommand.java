package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Sysctl;

/** {@code sysctl}: list, read and set the node's tunables. */
final class SysctlCommand implements Command {
    @Override
    public String name() { return "sysctl"; }

    @Override
    public String summary() { return "list, show or set the node's tunables"; }

    @Override
    public String usage() {
        return """
                usage: sysctl                 every tunable with its value, default, unit and meaning
                       sysctl -a              every tunable as NAME = VALUE
                       sysctl NAME            one tunable
                       sysctl -w NAME=VALUE   set a tunable""";
    }

    @Override
    public void run(Process p) {
        Sysctl sysctl = p.node().sysctl();
        Options o = Options.parse(p.args(), "aw", "");
        if (o.has('w')) {
            if (o.positional().isEmpty()) {
                p.usageError("-w needs NAME=VALUE");
                return;
            }
            for (String assignment : o.positional()) {
                int eq = assignment.indexOf('=');
                if (eq < 0) {
                    p.println("sysctl: \"" + assignment + "\" must be of the form name=value");
                    p.exit(1);
                    return;
                }
                String name = assignment.substring(0, eq).trim();
                try {
                    sysctl.set(name, assignment.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    p.println("sysctl: " + e.getMessage());
                    p.exit(1);
                    return;
                }
                p.println(name + " = " + sysctl.get(name).value());
            }
            p.exit(0);
            return;
        }
        if (o.has('a')) {
            for (Sysctl.Tunable t : sysctl.all()) p.println(t.name() + " = " + t.value());
            p.exit(0);
            return;
        }
        if (!o.positional().isEmpty()) {
            for (String name : o.positional()) {
                Sysctl.Tunable t = sysctl.get(name);
                if (t == null) {
                    p.println("sysctl: cannot stat " + name + ": No such file or directory");
                    p.exit(1);
                    return;
                }
                p.println(t.name() + " = " + t.value());
            }
            p.exit(0);
            return;
        }
        int width = sysctl.all().stream().mapToInt(t -> t.name().length()).max().orElse(10);
        p.println(String.format("%-" + width + "s  %8s  %8s  %-7s %s", "NAME", "VALUE", "DEFAULT", "UNIT", "MEANING"));
        for (Sysctl.Tunable t : sysctl.all()) {
            p.println(String.format("%-" + width + "s  %8d  %8d  %-7s %s", t.name(), t.value(), t.defaultValue(), t.unit(), t.help()));
        }
        p.exit(0);
    }
}
