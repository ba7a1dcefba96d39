package dev.packetlab.stack.lab.check;

/**
 * The languages a check's explanation is written in: the UI's two. English is what reports and the CLI print;
 * Korean is composed as Korean sentences (subject–object–verb, particles chosen by {@link Korean}), not English
 * translated word by word. Technical tokens — protocol names, flags, addresses, node names, ports, state names —
 * stay as they are in both.
 */
public enum Language {
    EN,
    KO
}
