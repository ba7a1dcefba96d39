package dev.packetlab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.InstanceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to a running server, for the classroom tests: JSON in and out, with a bearer token when one is given. */
final class ClassHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    ClassHttp(int port) {
        this("http://localhost:" + port);
    }

    ClassHttp(String base) {
        this.base = base;
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        else InstanceTokens.authorize(request, path); // a class's lab is changed with its student's or teacher's token
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (token != null && path.endsWith("/me") && r.statusCode() == 200) {
            JsonNode instance = JSON.readTree(r.body()).get("instance");
            if (instance != null && instance.isString()) InstanceTokens.remember(instance.stringValue(), token);
        }
        return r;
    }

    /** Sends, asserts the status, and reads the body as JSON (null for none). */
    JsonNode expect(int status, String method, String path, String token, String json) throws Exception {
        HttpResponse<String> r = send(method, path, token, json);
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(status);
        return r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").contains("json") ? null
                : JSON.readTree(r.body());
    }

    /** A class of a catalogue lab: {id, joinCode, teacherToken, teacherInstance, title}. */
    JsonNode createClass(String lab) throws Exception {
        JsonNode created = expect(201, "POST", "/api/classes", null, "{\"lab\": \"" + lab + "\"}");
        InstanceTokens.remember(text(created, "teacherInstance"), text(created, "teacherToken"));
        return created;
    }

    /** A new student: {classId, member, name, studentToken, instance}. */
    JsonNode join(String code, String name) throws Exception {
        JsonNode joined = expect(201, "POST", "/api/classes/join", null,
                "{\"code\": " + JSON.writeValueAsString(code) + ", \"name\": " + JSON.writeValueAsString(name) + "}");
        InstanceTokens.remember(text(joined, "instance"), text(joined, "studentToken"));
        return joined;
    }

    /** Runs a command line on a node of an instance until it exits. */
    void run(String instance, String node, String line) throws Exception {
        expect(200, "POST", "/api/instances/" + instance + "/nodes/" + node + "/commands", null,
                "{\"line\": " + JSON.writeValueAsString(line) + ", \"runUntilExit\": true}");
    }

    JsonNode dashboard(JsonNode created) throws Exception {
        return expect(200, "GET", "/api/classes/" + created.get("id").stringValue(), created.get("teacherToken").stringValue(), null);
    }

    /** Asks for the dashboard until it shows what {@code shows} wants (the ticker stores attempts every 500 ms). */
    JsonNode dashboardWhen(JsonNode created, Predicate<JsonNode> shows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode d = dashboard(created);
        while (!shows.test(d)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the dashboard never showed it: " + d);
            Thread.sleep(50);
            d = dashboard(created);
        }
        return d;
    }

    static String text(JsonNode n, String field) {
        return n.get(field).stringValue();
    }
}
