package dev.packetlab.server.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL server for the tests of the {@code postgres} profile: Debian's binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}, or the directory in {@code PACKETLAB_PG_BIN}) make a new cluster in a
 * temporary directory and serve it on a free loopback port, once per test JVM; a shutdown hook stops it and deletes
 * the directory. No Docker, no system service, nothing left behind.
 *
 * <p>PostgreSQL will not run as root, so as root (CI) the cluster belongs to the {@code postgres} user that Debian's
 * package creates, and every command runs through {@code runuser}. Without the binaries the tests are skipped, except
 * with {@code CI=true}, where they fail and say to run {@code ./test}, which installs the {@code postgresql} package.
 */
final class PostgresServer {
    static final String DATABASE = "packetlab";
    static final String USER = "packetlab";

    private static PostgresServer running;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this JVM, started on first use, with an empty database {@value #DATABASE}. */
    static synchronized PostgresServer get() {
        if (running == null) running = start();
        return running;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static PostgresServer start() {
        Path bin = findBinaries();
        try {
            boolean root = "0".equals(run(List.of("id", "-u")).strip());
            Path dir = Files.createTempDirectory("packetlab-pg-");
            Path dataDir = dir.resolve("data");
            if (root) {
                // The temporary directory is root's (mode 700): hand it to the postgres user.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
                Files.createDirectory(dataDir);
                run(List.of("chown", "postgres:postgres", dataDir.toString()));
            }
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, dataDir, port, root);
            server.pg("initdb", "-D", dataDir.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8",
                    "--locale=C", "--no-sync");
            server.pg("pg_ctl", "start", "-w", "-t", "60", "-D", dataDir.toString(), "-l",
                    dataDir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir + " -c fsync=off");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(dir)));
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "")) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a PostgreSQL server from " + bin + ": " + e.getMessage(), e);
        }
    }

    private void stop(Path dir) {
        try {
            pg("pg_ctl", "stop", "-w", "-m", "immediate", "-D", dataDir.toString());
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgresServer: could not stop the server in " + dataDir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("PostgresServer: could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Runs one of PostgreSQL's programs, as the postgres user when we are root. */
    private void pg(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** {@code PACKETLAB_PG_BIN}, or the newest {@code /usr/lib/postgresql/VERSION/bin} that has initdb. */
    private static Path findBinaries() {
        String configured = System.getenv("PACKETLAB_PG_BIN");
        Path bin = configured != null && !configured.isBlank() ? Path.of(configured) : newestDebianBin();
        if (bin == null || !Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            String missing = "PostgreSQL's initdb and pg_ctl are not in "
                    + (bin == null ? "/usr/lib/postgresql/*/bin" : bin.toString());
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + ": run ./test, which installs Debian's postgresql package");
            }
            Assumptions.abort(missing + " (install Debian's postgresql package, or run ./test)");
        }
        return bin;
    }

    private static Path newestDebianBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
