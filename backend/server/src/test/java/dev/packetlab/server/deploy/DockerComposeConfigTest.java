package dev.packetlab.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's {@code docker-compose.yml}, as Compose itself reads it: these machines have no Docker engine, so
 * Debian's {@code docker-compose} checks and resolves the file ({@code config}) and the test reads the result. Without
 * the program the test is skipped, except with {@code CI=true}, where it fails and says to run {@code ./test}, which
 * installs it.
 */
class DockerComposeConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Path ROOT = repositoryRoot();

    static JsonNode config;

    @BeforeAll
    static void resolveTheComposeFile() throws Exception {
        Path program = findDockerCompose();
        ProcessBuilder builder = new ProcessBuilder(program.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(),
                "config").redirectErrorStream(false);
        builder.environment().remove("PACKETLAB_DB_PASSWORD"); // the file's own default, not the caller's
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker-compose config: %s", err).isZero();
        config = YAML.readTree(out);
    }

    @Test
    void composesTheServerAndPostgresql() {
        assertThat(config.get("services").propertyNames()).containsExactlyInAnyOrder("server", "postgres");
    }

    @Test
    void theServerRunsThePostgresProfileAgainstTheComposedDatabase() {
        JsonNode env = config.get("services").get("server").get("environment");

        assertThat(env.get("SPRING_PROFILES_ACTIVE").stringValue()).isEqualTo("postgres");
        assertThat(env.get("PACKETLAB_DB_URL").stringValue()).isEqualTo("jdbc:postgresql://postgres:5432/packetlab");
    }

    @Test
    void theServerLogsInAsTheUserPostgresqlCreates() {
        JsonNode server = config.get("services").get("server").get("environment");
        JsonNode postgres = config.get("services").get("postgres").get("environment");

        assertThat(server.get("PACKETLAB_DB_USER").stringValue()).isEqualTo(postgres.get("POSTGRES_USER").stringValue());
        assertThat(server.get("PACKETLAB_DB_PASSWORD").stringValue())
                .isEqualTo(postgres.get("POSTGRES_PASSWORD").stringValue()).isEqualTo("packetlab");
        assertThat(server.get("PACKETLAB_DB_URL").stringValue()).endsWith("/" + postgres.get("POSTGRES_DB").stringValue());
    }

    @Test
    void theServerStartsOnceTheDatabaseAnswers() {
        JsonNode postgres = config.get("services").get("postgres");

        assertThat(config.get("services").get("server").get("depends_on").get("postgres").get("condition").stringValue())
                .isEqualTo("service_healthy");
        assertThat(postgres.get("healthcheck").get("test").toString())
                .isEqualTo("[\"CMD-SHELL\",\"pg_isready -U packetlab -d packetlab\"]");
    }

    @Test
    void theDatabaseKeepsItsFilesInANamedVolume() {
        assertThat(config.get("volumes").propertyNames()).containsExactly("postgres-data");
        assertThat(config.get("services").get("postgres").get("volumes").get(0).stringValue())
                .isEqualTo("postgres-data:/var/lib/postgresql/data:rw");
    }

    @Test
    void theServerIsBuiltFromTheRepositorysDockerfileAndServesPort8080() {
        JsonNode server = config.get("services").get("server");

        assertThat(Path.of(server.get("build").get("context").stringValue())).isEqualTo(ROOT);
        assertThat(ROOT.resolve("Dockerfile")).isRegularFile();
        assertThat(server.get("ports").get(0).get("target").intValue()).isEqualTo(8080);
        assertThat(server.get("ports").get(0).get("published").asString()).isEqualTo("8080");
    }

    @Test
    void theDockerfileBuildsOnTheJdkThePomAsksForAndRunsTheServerJarOnAJre() throws IOException {
        List<String> from = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("FROM ")).toList();
        String release = Files.readString(ROOT.resolve("pom.xml"))
                .replaceAll("(?s).*<java.version>(\\d+)</java.version>.*", "$1");

        assertThat(release).isEqualTo("21");
        assertThat(from).containsExactly("FROM maven:3.9-eclipse-temurin-" + release + " AS build",
                "FROM eclipse-temurin:" + release + "-jre");
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .contains("-pl backend/server -am package")
                .contains("cp backend/server/target/packetlab-server-*.jar /packetlab.jar");
    }

    /** The repository's top directory: the first directory up from here that has docker-compose.yml. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) return dir;
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    private static Path findDockerCompose() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "docker-compose");
            if (Files.isExecutable(candidate)) return candidate;
        }
        String missing = "docker-compose is not on the PATH";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing + ": run ./test, which installs Debian's docker-compose package");
        }
        Assumptions.abort(missing + " (install Debian's docker-compose package, or run ./test)");
        return null;
    }
}
