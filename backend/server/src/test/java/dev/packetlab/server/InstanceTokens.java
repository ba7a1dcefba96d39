package dev.packetlab.server;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tokens tests were given for the live instances they created, so that their HTTP helpers can carry each
 * instance's token on the requests that change it, as a client does ({@code Authorization: Bearer TOKEN}).
 */
public final class InstanceTokens {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern INSTANCE_PATH = Pattern.compile("/api/instances/([A-Za-z0-9_-]+)");

    private InstanceTokens() {}

    /** Keeps the owner (or replay) token of a response body that created an instance, if it is one. */
    public static void remember(String body) {
        if (body == null || !body.contains("Token\"")) return;
        try {
            JsonNode created = JSON.readTree(body);
            JsonNode id = created.get("instance");
            JsonNode token = created.has("ownerToken") ? created.get("ownerToken") : created.get("replayToken");
            if (id != null && id.isString() && token != null && token.isString()) {
                TOKENS.put(id.stringValue(), token.stringValue());
            }
        } catch (JacksonException notJson) {
            // not a created instance
        }
    }

    /** Keeps a token given for an instance some other way (a class's student token owns the student's lab). */
    public static void remember(String instanceId, String token) {
        TOKENS.put(instanceId, token);
    }

    /** The token kept for an instance. */
    public static String of(String instanceId) {
        String token = TOKENS.get(instanceId);
        if (token == null) throw new IllegalStateException("no token kept for instance " + instanceId);
        return token;
    }

    /** Adds the token of the instance {@code path} is about, if one is kept, as its Authorization header. */
    public static HttpRequest.Builder authorize(HttpRequest.Builder request, String path) {
        Matcher m = INSTANCE_PATH.matcher(path);
        if (m.find()) {
            String token = TOKENS.get(m.group(1));
            if (token != null) request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** The WebSocket message that proves a connection holds the instance's token. */
    public static String authMessage(String instanceId) {
        return "{\"type\": \"auth\", \"token\": \"" + of(instanceId) + "\"}";
    }
}
