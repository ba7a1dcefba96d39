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
        for (int i = 0; i < services.size(); i++) {
            Map.Entry<String, Object> e = services.get(i).entrySet().iterator().next();
            String at = path + "[" + i + "]." + e.getKey();
            Service s = KNOWN.get(e.getKey());
            if (s == null) {
                errors.add(at + ": unknown service \"" + e.getKey() + "\"" + (KNOWN.isEmpty() ? "" : " (known: "
                        + String.join(", ", KNOWN.keySet()) + ")"));
                continue;
            }
            Map<String, Object> parameters = parameters(e.getValue());
            if (parameters == null) {
                errors.add(at + ": expected a map of parameters, e.g. {port: 80}");
                continue;
            }
            try {
                s.start(host, parameters);
            } catch (IllegalArgumentException x) {
                errors.add(at + "." + x.getMessage());
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Object value) {
        if (value == null) return Map.of();
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
