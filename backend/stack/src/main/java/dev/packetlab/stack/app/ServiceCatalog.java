package dev.packetlab.stack.app;

import dev.packetlab.stack.net.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The services a lab file can start, by the name it uses for them. */
public final class ServiceCatalog {
    private static final Map<String, Service> KNOWN = new TreeMap<>();

    static {
        // each service registers here: one line per service
        register(new dev.packetlab.stack.app.http.HttpService());
        register(new dev.packetlab.stack.app.dns.DnsService());
    }

    private ServiceCatalog() {}

    static void register(Service s) {
        KNOWN.put(s.name(), s);
    }

    /** The names a lab file may use, sorted. */
    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /**
     * Starts each service written for {@code host}; returns one message per mistake, each beginning with its path
     * ({@code nodes[2].services[0].http.port: …}), and starts nothing that was wrong.
     */
    public static List<String> start(Host host, List<Map<String, Object>> services, String path) {
        List<String> errors = new ArrayList<>();
        Started started = started(host);
        for (int i = 0; i < services.size(); i++) startOne(host, services.get(i), path + "[" + i + "]", started, errors);
        return errors;
    }

    /**
     * Makes {@code host} run exactly {@code services}, as a lab file edited while the lab runs writes them: a service
     * this catalogue started whose entry is no longer in the list is stopped (its sockets closed as when its daemon is
     * killed), one whose entry is still there word for word goes on running untouched, and the new or changed entries
     * start, in the order written. Stopping comes first, so a changed service can take its port again. Returns the
     * mistakes as {@link #start} does, with the paths of the new list.
     */
    public static List<String> replace(Host host, List<Map<String, Object>> services, String path) {
        Started started = started(host);
        boolean[] running = new boolean[services.size()];
        List<Started.Entry> kept = new ArrayList<>();
        for (Started.Entry e : started.entries) {
            int at = -1;
            for (int i = 0; i < services.size() && at < 0; i++) if (!running[i] && services.get(i).equals(e.written())) at = i;
            if (at >= 0) {
                running[at] = true;
                kept.add(e);
            } else {
                e.running().stop();
            }
        }
        started.entries.clear();
        started.entries.addAll(kept);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            if (!running[i]) startOne(host, services.get(i), path + "[" + i + "]", started, errors);
        }
        return errors;
    }

    private static void startOne(Host host, Map<String, Object> written, String path, Started started, List<String> errors) {
        Map.Entry<String, Object> e = written.entrySet().iterator().next();
        String at = path + "." + e.getKey();
        Service s = KNOWN.get(e.getKey());
        if (s == null) {
            errors.add(at + ": unknown service \"" + e.getKey() + "\"" + (KNOWN.isEmpty() ? "" : " (known: "
                    + String.join(", ", KNOWN.keySet()) + ")"));
            return;
        }
        Map<String, Object> parameters = parameters(e.getValue());
        if (parameters == null) {
            errors.add(at + ": expected a map of parameters, e.g. {port: 80}");
            return;
        }
        try {
            started.entries.add(new Started.Entry(written, s.start(host, parameters)));
        } catch (IllegalArgumentException x) {
            errors.add(at + "." + x.getMessage());
        }
    }

    /** The services this catalogue started on a host, with their entries as written, so that they can be stopped. */
    private static final class Started {
        record Entry(Map<String, Object> written, Service.Running running) {}

        final List<Entry> entries = new ArrayList<>();
    }

    private static Started started(Host host) {
        Started s = host.service(Started.class);
        if (s == null) {
            s = new Started();
            host.provide(Started.class, s);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Object value) {
        if (value == null) return Map.of();
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
