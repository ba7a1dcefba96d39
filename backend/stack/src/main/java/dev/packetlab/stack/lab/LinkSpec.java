package dev.packetlab.stack.lab;

import dev.packetlab.stack.link.LinkParameters;

/** A cable between two resolved interfaces, with its properties and whether it starts plugged in. */
public record LinkSpec(String aNode, String aInterface, String bNode, String bInterface, LinkParameters parameters,
                       boolean up) {

    /** The link's name in traces and captures: {@code pc1:eth0-sw1:p1}. */
    public String name() {
        return aNode + ":" + aInterface + "-" + bNode + ":" + bInterface;
    }
}
