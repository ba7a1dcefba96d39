package dev.packetlab.server.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint under {@code /api/instances/{id}} that changes when things happen, never what happens (a run
 * control), or ends the instance: a read-only replay's token may use it. Every other request under that path that is
 * not a GET, HEAD or OPTIONS needs the owner token ({@link InstanceAccessInterceptor}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunControl {}
