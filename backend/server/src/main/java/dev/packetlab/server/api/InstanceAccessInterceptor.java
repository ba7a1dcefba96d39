package dev.packetlab.server.api;

import dev.packetlab.server.runtime.InstanceOwner.Right;
import dev.packetlab.server.runtime.LabSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Guards every request under {@code /api/instances/{id}} by its HTTP method, before the endpoint runs (and before its
 * body is read): GET, HEAD and OPTIONS read and are open to whoever holds the instance id; anything else changes the
 * instance and needs its owner token ({@link InstanceAccess}), or for an endpoint marked {@link RunControl} the owner
 * or replay token. An endpoint added later is guarded the same way without saying so. An unknown instance passes on,
 * for the endpoint to answer its 404.
 */
@Component
public class InstanceAccessInterceptor implements HandlerInterceptor {
    /** The methods that only read (RFC 9110 9.2.1, safe methods). */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final InstanceAccess access;
    private final LabSessions sessions;

    public InstanceAccessInterceptor(InstanceAccess access, LabSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SAFE.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) return true;
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.get("id");
        if (id == null || sessions.find(id).isEmpty()) return true;
        Right right = method.hasMethodAnnotation(RunControl.class) ? Right.RUN : Right.CHANGE;
        access.require(id, request.getHeader(HttpHeaders.AUTHORIZATION), right);
        return true;
    }
}
