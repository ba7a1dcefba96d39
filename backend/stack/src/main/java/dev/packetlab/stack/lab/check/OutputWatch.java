package dev.packetlab.stack.lab.check;

/** Judges {@code output:}: counts the terminal lines of the node that hold the text or match the expression. */
final class OutputWatch extends Occurrences {
    private final Check.Output check;

    OutputWatch(Check.Output check) {
        super(check);
        this.check = check;
    }

    @Override
    boolean observe(Observation o) {
        boolean changed = false;
        for (Terminals.Line line : o.lines()) {
            if (line.commandLine() || !line.node().equals(check.node())) continue;
            if (check.command() != null && !line.programs().contains(check.command())) continue;
            boolean hit = check.contains() != null ? line.text().contains(check.contains())
                    : check.matches().matcher(line.text()).find();
            if (hit) changed |= occurred(o, language -> language == Language.KO
                    ? Korean.subject(line.node()) + " 출력함: \"" + line.text().strip() + "\""
                    : line.node() + " printed \"" + line.text().strip() + "\"");
        }
        return changed;
    }
}
